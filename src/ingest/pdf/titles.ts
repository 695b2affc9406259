// Which standard table a title line names (patterns/tables.yaml). Ingest only needs the layout, to
// rebuild the grid; extract decides the final kind from title and contents.
import { loadPattern } from '../../patterns.js';

export type Layout = 'columns' | 'halves' | 'single';
export interface TitleDef {
  kind: string;
  titles: string[];
  layout: Layout;
}

const foldTitle = (s: string) =>
  s.replace(/[\s“”"'‘’「」『』]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, '、');

let aliases: { alias: string; def: TitleDef }[] | null = null;

function table(): { alias: string; def: TitleDef }[] {
  if (!aliases) {
    const defs = loadPattern<{ tables: TitleDef[] }>('tables.yaml').tables;
    aliases = defs.flatMap((def) => def.titles.map((t) => ({ alias: foldTitle(t), def }))).sort((a, b) => b.alias.length - a.alias.length);
  }
  return aliases;
}

/** The table a short title-like line names, or null (sentences that mention a table are not titles). */
export function matchTitle(text: string): TitleDef | null {
  const t = foldTitle(text);
  if (t.length > 70 || /[。；;]|情况说明|说明$/.test(t)) return null;
  const hit = table().find((a) => t.includes(a.alias));
  if (!hit || t.length > hit.alias.length + 40) return null;
  return hit.def;
}
