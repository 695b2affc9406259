// Just enough XML for WordprocessingML parts: tags in order with their offsets, attribute values,
// and the matching end tag. Word writes every '<' and '>' in text and attributes escaped, which is
// what makes a tag scanner safe here.
export interface Tag {
  name: string;
  /** Offsets of the whole tag in the source. */
  start: number;
  end: number;
  close: boolean;
  selfClosing: boolean;
  attrs: string;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s[^>]*?)?)(\/?)>/g;

export function* tags(xml: string, from = 0): Generator<Tag> {
  TAG.lastIndex = from;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const start = m.index;
    const end = start + m[0].length;
    yield { name: m[2]!, start, end, close: m[1] === '/', selfClosing: m[4] === '/', attrs: m[3] ?? '' };
    TAG.lastIndex = end;
  }
}

/** Offset just past the end tag that closes `open` (nesting of the same name counted). */
export function closingEnd(xml: string, open: Tag): number {
  if (open.selfClosing) return open.end;
  let depth = 0;
  for (const t of tags(xml, open.end)) {
    if (t.name !== open.name || t.selfClosing) continue;
    if (!t.close) depth++;
    else if (depth-- === 0) return t.end;
  }
  return xml.length;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? all,
  );
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const attrRes = new Map<string, [RegExp, RegExp]>();

export function attr(attrs: string, name: string): string | undefined {
  let res = attrRes.get(name);
  if (!res) attrRes.set(name, (res = [new RegExp(`\\s${name}="([^"]*)"`), new RegExp(`\\s${name}='([^']*)'`)]));
  const m = res[0].exec(attrs) ?? res[1].exec(attrs);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** The w:val of the first `<name …/>` inside `xml`. */
export function val(xml: string, name: string): string | undefined {
  for (const t of tags(xml)) if (t.name === name && !t.close) return attr(t.attrs, 'w:val');
  return undefined;
}

/** Each element `<name …>…</name>` in `xml` (not nested in one of the same name). */
export function* elements(xml: string, name: string): Generator<{ tag: Tag; inner: string; end: number }> {
  let from = 0;
  for (;;) {
    let found: Tag | undefined;
    for (const t of tags(xml, from)) {
      if (t.name === name && !t.close) {
        found = t;
        break;
      }
    }
    if (!found) return;
    const end = closingEnd(xml, found);
    const inner = found.selfClosing ? '' : xml.slice(found.end, xml.lastIndexOf('<', end - 1));
    yield { tag: found, inner, end };
    from = end;
  }
}
