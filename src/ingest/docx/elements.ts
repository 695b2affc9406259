// The part of mammoth's document model (the `transformDocument` tree) that this backend reads.
// mammoth ships no types for it; these mirror lib/documents.js of mammoth 1.13.
export interface MElement {
  type: string;
  children?: MElement[];
}
export interface MText extends MElement {
  type: 'text';
  value: string;
}
export interface MBreak extends MElement {
  type: 'break';
  breakType: 'line' | 'page' | 'column';
}
export interface MCheckbox extends MElement {
  type: 'checkbox';
  checked: boolean;
}
export interface MRun extends MElement {
  type: 'run';
  isBold: boolean;
  fontSize: number | null;
}
export interface MParagraph extends MElement {
  type: 'paragraph';
  styleId: string | null;
  styleName: string | null;
  children: MElement[];
}
export interface MCell extends MElement {
  type: 'tableCell';
  colSpan: number;
  rowSpan: number;
  children: MElement[];
}
export interface MRow extends MElement {
  type: 'tableRow';
  isHeader: boolean;
  children: MElement[];
}
export interface MTable extends MElement {
  type: 'table';
  children: MElement[];
}

export const CHECKED = '☑';
export const UNCHECKED = '□';

/** Verbatim text of an element: soft breaks become '\n', mammoth's checkbox elements the glyphs
 *  a reader sees, paragraphs nested in runs (text boxes) and table cells are joined by '\n'. */
export function textOf(e: MElement): string {
  switch (e.type) {
    case 'text':
      return (e as MText).value;
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'checkbox':
      return (e as MCheckbox).checked ? CHECKED : UNCHECKED;
    case 'paragraph':
      return (e.children ?? []).map(textOf).join('');
    case 'table':
      return (e.children ?? []).map(textOf).join('\n');
    case 'tableRow':
      return (e.children ?? []).map(textOf).join('\t');
    case 'tableCell':
      return (e.children ?? []).map(textOf).join('\n');
    default: {
      // runs, hyperlinks, text boxes…; a nested paragraph starts a new line
      let out = '';
      for (const c of e.children ?? []) {
        const t = textOf(c);
        out += c.type === 'paragraph' || c.type === 'table' ? (out ? '\n' : '') + t : t;
      }
      return out;
    }
  }
}

/** All runs under an element (through hyperlinks and the like), for formatting hints. */
export function runsOf(e: MElement, out: MRun[] = []): MRun[] {
  if (e.type === 'run') out.push(e as MRun);
  else for (const c of e.children ?? []) runsOf(c, out);
  return out;
}
