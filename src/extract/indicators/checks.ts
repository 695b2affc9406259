// Checkbox options in a cell's text when the format did not give them (text and PDF tables).
import type { Cell } from '../../model.js';

const CHECKED = '☑☒■√✓✔⊠▣';
const BOXES = CHECKED + '□☐';
const BOX_RE = new RegExp(`[${BOXES}]`, 'u');
const BOX_SPLIT = new RegExp(`([${BOXES}])`, 'u');

/** "1、部门预算项目 ☑ 2、市直专项 □" or "☑部门预算项目 □市直专项": a box follows its label unless
 *  the text starts with a box. */
export function checksOf(cell: Cell): { label: string; checked: boolean }[] | undefined {
  if (cell.checks) return cell.checks;
  const t = cell.text.trim();
  if (!BOX_RE.test(t)) return undefined;
  const boxFirst = BOX_RE.test(t[0] ?? '');
  const parts = t.split(BOX_SPLIT);
  const out: { label: string; checked: boolean }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const label = (boxFirst ? parts[i + 1] : parts[i - 1])!
      .replace(/^(?:\d+[、.．]|[一二三四五六七八九十]+、|[（(]\d+[)）])/u, '')
      .replace(/[：:；;，,]$/u, '');
    if (label) out.push({ label, checked: CHECKED.includes(parts[i]!) });
  }
  return out.length ? out : undefined;
}
