// Small helpers over parse5's default tree. Every walk is iterative (an explicit stack): a crafted page
// nested ten thousand deep must not overflow the call stack.
import type { DefaultTreeAdapterTypes as T } from 'parse5';

export type Node = T.ChildNode | T.Document | T.DocumentFragment;
export type Element = T.Element;

export const isElement = (n: { nodeName: string }): n is Element => 'tagName' in n;
export const isText = (n: { nodeName: string }): n is T.TextNode => n.nodeName === '#text';

export function children(n: Node): T.ChildNode[] {
  if (isElement(n) && n.tagName === 'template') return (n as T.Template).content.childNodes;
  return 'childNodes' in n ? n.childNodes : [];
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Elements with the tag, in document order. */
export function elements(root: Node, tag: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.tagName === tag) out.push(n);
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** The deepest nesting of elements under root. */
export function depth(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const k of children(n)) if (isElement(k)) stack.push([k, d + 1]);
  }
  return max;
}
