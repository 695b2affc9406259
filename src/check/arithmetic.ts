// Figures in prose that contradict each other: the rules live in rates.ts, shares.ts (PERCENT_MISMATCH, UNIT_SUSPECT),
// sums.ts, change-parts.ts (SUM_MISMATCH, DIRECTION_CONFLICT) and restated-figures.ts (VALUE_CONFLICT); this entry runs
// them with the table identities and restatements over one document's facts.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { identityChecks } from './identities.js';
import { balancedChanges, comparisonClaims } from './identities-claims.js';
import { grandTotals } from './grand-totals.js';
import { restatedBasicShares, restatedColumns, restatedFiscalTotals, restatedTotals, restatementsByName } from './restate-names.js';
import { lineKey, type TextIndex } from './lines.js';
import { type Ctx, isBefore, setLevelRoles } from './prose-figures.js';
import { unitSuspects, growthRates, levelRates, flatPairs, twinChanges, completionRates } from './rates.js';
import { shares } from './shares.js';
import { changeSums, breakdownDirections, netChanges } from './change-parts.js';
import { partsWithinTotal, subsetAmounts, balancedTotals, localSums, enumeratedParts, chainParts, pairedLists, namedSums, sums } from './sums.js';
import { restatedRuns, restatedSubjects, valueConflicts } from './restated-figures.js';

export function arithmeticChecks(doc: ExtractedDocument, text: TextIndex, template: string | null = null): Flag[] {
  const byLine = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'text') continue;
    const k = lineKey(f.loc);
    const p = text.paragraph.get(k);
    const key = p === undefined ? `line:${k}` : `para:${p}`;
    const list = byLine.get(key);
    if (list) list.push(f);
    else byLine.set(key, [f]);
  }
  for (const list of byLine.values()) list.sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
  setLevelRoles(doc.document.kind);
  const summed = sums(doc);
  const ctx: Ctx = { doc, template, byLine, text, suspect: new Set(), summed: new Set(summed.flatMap((f) => (f.loc ? [`${lineKey(f.loc)}|${f.loc.start ?? ''}`] : []))) };
  return oneCause([...unitSuspects(ctx), ...growthRates(ctx), ...levelRates(ctx), ...flatPairs(ctx), ...twinChanges(ctx), ...completionRates(ctx), ...shares(ctx), ...summed, ...changeSums(ctx), ...breakdownDirections(ctx), ...partsWithinTotal(ctx), ...localSums(ctx), ...netChanges(ctx), ...subsetAmounts(ctx), ...enumeratedParts(ctx), ...chainParts(ctx), ...restatedRuns(ctx), ...pairedLists(ctx), ...namedSums(ctx), ...balancedTotals(ctx), ...valueConflicts(ctx), ...restatedSubjects(ctx), ...identityChecks(doc), ...restatementsByName(doc, text), ...restatedTotals(doc), ...restatedColumns(doc), ...restatedBasicShares(doc, text), ...restatedFiscalTotals(doc), ...comparisonClaims(doc, text), ...balancedChanges(doc, text), ...grandTotals(doc)]);
}

/** One flag per root cause: an increase larger than its own figure that a breakdown shows to be a decrease
 *  (DIRECTION_CONFLICT on its word) is not also a change in the wrong unit (UNIT_SUSPECT on the same figure). */
function oneCause(flags: Flag[]): Flag[] {
  const at = (f: Flag) => (f.loc ? `${lineKey(f.loc)}|${f.loc.start ?? ''}` : null);
  const turned = new Set(flags.filter((f) => f.code === 'DIRECTION_CONFLICT').map(at));
  return flags.filter((f) => f.code !== 'UNIT_SUSPECT' || !turned.has(at(f)));
}
