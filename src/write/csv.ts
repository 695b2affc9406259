// CSV (RFC 4180) with a UTF-8 BOM, so that Excel opens Chinese text correctly.
//
// No cell may start a formula when the file is opened in a spreadsheet (CSV injection): text beginning
// with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, as OWASP recommends, so that a scraped line such as
// `=HYPERLINK("http://…","点击")` shows as text. Numbers are left alone: a number value, or text that is
// wholly a number (`-12.50`, `+3`, `-1,234.5`, `-8%`), cannot carry a formula, and a negative amount stays
// a number.
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;

/** The text as a spreadsheet will show it, never as a formula. */
export const neutralise = (s: string): string => (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s);

const cell = (v: CsvValue): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutralise(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
