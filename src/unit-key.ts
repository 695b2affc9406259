// The unit key: a unit's name normalised so that its reports line up across years and kinds (issue 14).
// Rules (patterns/units.yaml) only remove what never tells two units apart: a wrong merge is worse than a
// missed one. The full name and its short form agree (上海市普陀区财政局 = 普陀区财政局).
import { loadPattern } from './patterns.js';

interface UnitRules {
  prefixes: { keep: string; province: string };
  region: string;
  drop: { pattern: string; with: string }[];
}

let compiled: { lead: RegExp; drop: { re: RegExp; with: string }[] } | null = null;

function rules() {
  if (compiled) return compiled;
  const r = loadPattern<UnitRules>('units.yaml');
  compiled = {
    // (keep)? province (?= region …): the province goes only where a lower-level region follows it.
    lead: new RegExp(`^(${r.prefixes.keep})?${r.prefixes.province}(?=${r.region}.)`, 'u'),
    drop: r.drop.map((d) => ({ re: new RegExp(d.pattern, 'gu'), with: d.with })),
  };
  return compiled;
}

/** Spaces, quotes and full-width forms folded; brackets as ASCII. */
const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s“”"'‘’「」『』]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');

/** The unit key of a unit name, or null for no name. */
export function unitKey(unit: string | null | undefined): string | null {
  if (!unit) return null;
  const { lead, drop } = rules();
  let k = fold(unit);
  for (const d of drop) k = k.replace(d.re, d.with);
  k = k.replace(lead, (_m, keep: string | undefined) => keep ?? '');
  return k || null;
}
