// The parts of a net change (issue 11, rule 3): “…会议费预算支出1469.73万元，比上年预算增加164.48万元，主要原因按规定
// 运转类专项经费统一压减10%，根据实际开支人代会专项经费增加200万元，增减相抵后增加164.48万元”. The reasons listed
// before a net (patterns/identities.yaml claims.net) are its parts: those with an amount are known (增加200万元),
// those with only a direction word (统一压减10%: a decrease of unknown amount) are known in sign. Where every
// part of unknown amount points one way, the net can only lie on that side of the known parts' sum: with
// the 200 turned to 减少, every part is a decrease and no net can be an increase of 164.48. A list of parts
// with both signs unknown, or none unknown (a list of main reasons need not be complete), is no evidence.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { loadPattern } from '../patterns.js';
import { makeFlag } from './flag.js';
import { figOf } from './identities.js';
import { lineKey, paragraphsOf, type TextIndex } from './lines.js';
import { decimalsOf, formatAmount, isAmount } from './numbers.js';
import { reasonRules } from './text-rules.js';

const fold = (s: string) => s.replace(/[\s“”"'‘’]/gu, '');
const isChange = (f: Fact) => f.role === 'change' && isAmount(f) && (f.direction === 'increase' || f.direction === 'decrease');
const sign = (f: Fact) => (f.direction === 'decrease' ? -1n : 1n);

export function netParts(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const words = loadPattern<{ claims?: { net?: string } }>('identities.yaml').claims?.net;
  const r = reasonRules();
  if (!words || !r) return [];
  const netRe = new RegExp(words, 'u');
  const flags: Flag[] = [];
  const { lines: paras, facts: factsOf } = paragraphsOf(doc, text);
  for (const [p, keys] of paras) {
    let joined = '';
    const starts: number[] = [];
    for (const k of keys) {
      starts.push(joined.length);
      joined += text.lines.get(k)!.raw;
    }
    const at = (f: Fact, end = false) => {
      const i = keys.indexOf(lineKey(f.loc));
      return i < 0 ? -1 : starts[i]! + ((end ? f.loc.end : f.loc.start) ?? 0);
    };
    const facts = (factsOf.get(p) ?? []).filter((f) => at(f) >= 0).sort((a, b) => at(a) - at(b));
    const changes = facts.filter(isChange);
    // the change the reasons explain: the first, stated right after its figure
    const first = changes[0];
    if (!first || facts[facts.indexOf(first) - 1]?.role === 'change') continue;
    for (const c of changes.slice(1)) {
      const lead = joined.slice(at(facts[facts.indexOf(c) - 1]!, true), at(c));
      const clauseLead = lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf('；'), lead.lastIndexOf('。')) + 1);
      if (!netRe.test(fold(c.label)) && !netRe.test(fold(clauseLead))) continue;
      if (c.unit !== first.unit) continue;
      // the parts: the clauses between the first change (and its own rate: 增加125.62万元，增长1.98%) and the net
      // (its own rate: the next figure, a rate, in the same clause — not a reason's 统一压减10%)
      const own = facts[facts.indexOf(first) + 1];
      const rateOwn = !!own && own.kind === 'percent' && own.role === 'change' && /^[，,]?[\u4e00-\u9fff]{0,4}$/u.test(fold(joined.slice(at(first, true), at(own)))) && !new RegExp(r.opens.source, 'u').test(joined.slice(at(first, true), at(own)));
      const from = rateOwn ? at(own!, true) : at(first, true);
      const to = at(c) - clauseLead.length;
      if (to <= from) continue;
      const region = joined.slice(from, to);
      let known = 0n;
      let slack = 0n;
      const unknown = new Set<bigint>();
      const unknownWords: string[] = [];
      let parts = 0;
      let offset = from;
      let ok = true;
      for (const clause of region.split(/(?<=[，,、；;。])/u)) {
        const cs = offset;
        offset += clause.length;
        const inside = changes.filter((f) => at(f) >= cs && at(f) < offset);
        if (inside.length) {
          for (const f of inside) {
            const fig = figOf(f.text, f.unit);
            if (!fig) ok = false;
            else {
              known += sign(f) * fig.v;
              slack += fig.h;
              parts++;
            }
          }
          continue;
        }
        const plain = fold(clause).replace(/增减相抵|增减/gu, '');
        const ups = [...plain.matchAll(r.up)].map((x) => x[0]);
        const downs = [...plain.matchAll(r.down)].map((x) => x[0]);
        // An amount whose 元 is left off (综合管理费专项增加209万用于办公用房租赁) is known where the net is in 万元:
        // the one figure of its clause, straight after its one direction word.
        const bare = c.unit === '万元' && ups.length + downs.length === 1 ? new RegExp(`(?:${r.up.source}|${r.down.source})了?(\\d[\\d,]*(?:\\.\\d+)?)万(?![元\\d])`, 'u').exec(plain) : null;
        const bareFig = bare && (plain.match(/\d[\d,]*(?:\.\d+)?/gu) ?? []).length === 1 ? figOf(bare[1]!, '万元') : null;
        if (bareFig) {
          known += (ups.length ? 1n : -1n) * bareFig.v;
          slack += bareFig.h;
          parts++;
          continue;
        }
        if (ups.length && downs.length) ok = false;
        else if (ups.length) unknown.add(1n);
        else if (downs.length) unknown.add(-1n);
        if (ups.length || downs.length) unknownWords.push(fold(clause).replace(/[，,、；;。]$/u, '').replace(/^(?:主要)?原因(?:是|为)?[：:]?/u, ''));
      }
      if (!ok || !parts || unknown.size !== 1) continue;
      const net = figOf(c.text, c.unit);
      if (!net) continue;
      const n = sign(c) * net.v;
      slack += net.h;
      const s = [...unknown][0]!;
      // net − known must have the unknown parts' sign (or be 0), within the printed intervals
      const rest = n - known;
      if (s < 0n ? rest < slack : rest > -slack) continue;
      const yuan = (v: bigint) => Number(v) / 1e5;
      const fmt = (v: bigint) => `${v < 0n ? '减少' : '增加'}${formatAmount(Math.abs(yuan(v)), c.unit, decimalsOf(c.text))}`;
      const word = (f: Fact) => (f.direction === 'decrease' ? '减少' : '增加');
      flags.push(
        makeFlag('SUM_MISMATCH', `增减相抵后的变动与所列原因不符：列出金额的各项合计${fmt(known)}，其余原因（${unknownWords.join('；')}）只会使变动${s < 0n ? '更少' : '更多'}，不可能相抵后${word(c)}${c.text}${c.unit}。`, { ...c.loc }, c.excerpt, {
          severity: 'warning',
          expected: `不${s < 0n ? '高' : '低'}于${fmt(known)}`,
          found: `${word(c)}${c.text}${c.unit}`,
        }),
      );
    }
  }
  return flags;
}
