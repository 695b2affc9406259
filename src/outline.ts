// Walking the outline tree: shared by every stage that reads it (segment builds it; check, the pipeline
// and the record writer read it), so it sits beside the model rather than in any one stage.
import type { OutlineNode } from './model.js';

/** Depth-first list of outline nodes. */
export function flattenOutline(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flattenOutline(n.children)]);
}

/** Outline node id → the canonical section of that node, else of its nearest ancestor with one. */
export function canonicalSections(nodes: OutlineNode[], inherited: string | null = null, out = new Map<string, string | null>()): Map<string, string | null> {
  for (const n of nodes) {
    const key = n.section ?? inherited;
    out.set(n.id, key);
    canonicalSections(n.children, key, out);
  }
  return out;
}
