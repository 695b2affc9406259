// A table's figure and the numbered item of the next column printed as one run of text, with at most a space
// between them (上海 审计局 2026 预算01 as a PDF text item: `195,774,300 一、一般公共服务支出`; a JSON page dump of a
// 上海 预算: `47,483,458一、社会保障和就业支出`): the 收入 half's figure fused with the 支出 half's first item. They
// are two cells. Only an amount as a table prints it (digit groups or decimals) before a numbered item (一、
// （一） 1、), so prose (`共计 1,234 元`, `2026年`) is never cut.
const FIGURE_THEN_ITEM = /^([-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+))(\s*)((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．])[\u4e00-\u9fff].*)$/u;

/** The figure, the space after it, and the item — or null where the text is no such fusion. */
export function figureThenItem(text: string): { figure: string; gap: string; item: string } | null {
  const m = FIGURE_THEN_ITEM.exec(text);
  return m ? { figure: m[1]!, gap: m[2]!, item: m[3]! } : null;
}
