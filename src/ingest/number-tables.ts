// Table ids in reading order, shared by the backends that mix several table readers on one page.
import type { Block } from '../model.js';

/** Tables are t1, t2 … in reading order, whichever reader found them. */
export function numberTables(blocks: Block[]): void {
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const id = `t${++n}`;
    b.table.id = id;
    b.table.loc = { ...b.table.loc, table: id };
    for (const row of b.table.rows) for (const c of row) c.loc = { ...c.loc, table: id };
  }
}
