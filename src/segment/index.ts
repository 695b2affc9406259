// Segment: IngestedDocument → SegmentedDocument. Finds headings (第X部分 → 1, 一、 → 2, （一） → 3,
// 1. → 4, （1） → 5), builds the outline tree, maps headings to the template's canonical sections, and
// reads the document's title, unit, year and kind.
import type { IngestedDocument, Line, OutlineNode, SegmentedDocument } from '../model.js';
import { childTitleRules, flatSections, matchHeading, wrapWidthOf, wrappedHeading } from './headings.js';
import { readMeta } from './meta.js';
import { sectionFor } from './sections.js';
import { findToc } from './toc.js';

export function segment(doc: IngestedDocument): SegmentedDocument {
  const tocBlocks = findToc(doc.blocks);
  const headingBlocks = new Set<number>();
  const sectionOf: (string | null)[] = [];
  const outline: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const flat = flatSections();
  const childRules = childTitleRules();
  const lines: Line[] = [];
  let n = 0;
  let titleSeen = false;
  const recovered = new Set<string>();
  const meta = readMeta(doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : [])));

  const wrapWidth = wrapWidthOf(doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : [])));
  let continuation = -1;
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'line') lines.push(block.line);
    if (i <= continuation) {
      // The second line of a wrapped heading: part of the heading, in its section.
      headingBlocks.add(i);
      sectionOf.push(stack.length ? stack[stack.length - 1]!.id : null);
      return;
    }
    const wrapped = block.kind === 'line' && !tocBlocks.has(i) ? wrappedHeading(block.line, doc.blocks.slice(i + 1, i + 4), wrapWidth) : null;
    const h = wrapped?.heading ?? (block.kind === 'line' && !tocBlocks.has(i) ? matchHeading(block.line) : null);
    const isTitle = block.kind === 'line' && !titleSeen && meta.title !== null && meta.title.endsWith(block.line.text);
    if (isTitle) titleSeen = true;
    // Inside a section whose numbered entries are list items, only a heading of that section's level
    // or above (a sibling or a new part) ends it.
    const flatLevel = stack.find((s) => s.section !== null && flat.has(s.section))?.level ?? Infinity;
    const rule = stack.map((s) => (s.section ? childRules.get(s.section) : undefined)).find(Boolean);
    // A recovered (unnumbered) heading counts once: later copies are running headers.
    const repeat = h !== null && h.marker === '' && recovered.has(h.title);
    const allowed = h !== null && !repeat && h.level <= flatLevel && (!rule || h.level === 1 || rule.test(h.title));
    if (h && h.marker === '') recovered.add(h.title);
    if (block.kind === 'line' && h && !isTitle && allowed) {
      while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      const node: OutlineNode = {
        id: `h${++n}`,
        level: h.level,
        marker: h.marker,
        title: h.title,
        section: sectionFor(h.title, h.level, stack.map((s) => s.section)),
        loc: { ...block.line.loc },
        children: [],
      };
      (stack.length ? stack[stack.length - 1]!.children : outline).push(node);
      stack.push(node);
      headingBlocks.add(i);
      if (wrapped) continuation = i + wrapped.lines;
    }
    sectionOf.push(stack.length ? stack[stack.length - 1]!.id : null);
  });
  return { ...doc, document: meta, outline, sectionOf, headingBlocks, tocBlocks };
}

export { flattenOutline } from '../outline.js';
