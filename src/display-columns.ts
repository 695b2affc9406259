// Display width of text as a monospaced dump prints it (pdftotext -layout, page-text files): CJK and full-width
// characters take two columns. Shared by ingest (page-text tables) and check (a blank slot's width), so it
// lives outside both stages.

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’]/;

/** Display columns of each UTF-16 offset of `raw` (tabs to the next multiple of 8). */
export function displayColumns(raw: string): number[] {
  const col: number[] = [];
  let c = 0;
  for (let i = 0; i < raw.length; i++) {
    col.push(c);
    const ch = raw[i]!;
    if (ch === '\t') c = (Math.floor(c / 8) + 1) * 8;
    else if (ch >= '\udc00' && ch <= '\udfff') continue; // low surrogate: counted with its pair
    else c += WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  }
  col.push(c);
  return col;
}
