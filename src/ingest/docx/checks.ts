// Checkbox options in a cell: "1、部门预算项目 ☑ 2、市直专项 □" or "☑部门预算项目 □市直专项".
import type { Cell } from '../../model.js';

const CHECKED = '☑☒■√✓✔⊠▣';
const BOXES = CHECKED + '□☐';
const BOX_RE = new RegExp(`[${BOXES}]`, 'u');
const BOX_SPLIT = new RegExp(`([${BOXES}])`, 'u');

/** Options found in `text`, or undefined when it holds no box glyph. The box follows its label,
 *  unless the text starts with a box (then each box precedes its label). */
export function parseChecks(text: string): Cell['checks'] {
  if (!BOX_RE.test(text)) return undefined;
  const t = text.trim();
  const boxFirst = BOX_RE.test(t[0] ?? '');
  const parts = t.split(BOX_SPLIT);
  const out: { label: string; checked: boolean }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const box = parts[i]!;
    const label = cleanLabel(boxFirst ? parts[i + 1] ?? '' : parts[i - 1] ?? '');
    if (label) out.push({ label, checked: CHECKED.includes(box) });
  }
  return out.length ? out : undefined;
}

/** Drop enumerators ("1、", "（2）") and layout spaces around a label. */
function cleanLabel(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(?:\d+[、.．]|[一二三四五六七八九十]+、|[（(]\d+[)）])/u, '')
    .replace(/[：:；;，,]$/u, '');
}
