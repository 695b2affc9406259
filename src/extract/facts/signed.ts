// Signed figures (变动率为-2.46%, 增长-2.46%, 增减-41.60万元, 比上年-2.36%): the scanner marks a number printed with a
// minus sign of its own; it states a change only after a change cue or a comparison, and its sign is part of its
// direction. Anywhere else (结余-5.00万元) a signed figure gives no fact: a level is never negative in these reports.
import type { FactKind } from '../../model.js';
import { rules } from './rules.js';

let comparisonOnly: RegExp | null = null;

/** The segment a signed figure is read with (the minus taken off), or null where it states no change: the
 *  first role cue matching the segment's end is a change's, or the segment ends in a bare comparison (比上年-2.10%:
 *  read as the comparison's neutral change, 比上年增减-2.10%). */
export function signedSegment(segment: string, kind: FactKind): string | null {
  const r = rules();
  const seg = segment.replace(/[-−－]\s*$/u, '');
  const roleOf = (s: string) => r.roles.find((x) => (!x.kinds || x.kinds.includes(kind)) && x.re.test(s))?.role;
  if (roleOf(seg) === 'change') return seg;
  // (the comparison's base word — 比上年 — is no prior-year figure's cue here: the signed figure is no level)
  comparisonOnly ??= new RegExp(`(?:${r.comparisonStart.source})[^，,。；;：:、]{0,12}$`, 'u');
  return comparisonOnly.test(seg) && roleOf(`${seg}增减`) === 'change' ? `${seg}增减` : null;
}

/** Sets a change's direction from its sign: a neutral cue (变动率, 增减) takes the sign's (none: an increase); a
 *  minus turns a word's (增长-2.46% is a fall of 2.46%). False where no direction can be read (持平-1.00%, 减少-5.00万元). */
export function signDirection(p: { direction?: 'increase' | 'decrease' | 'flat' }, negative: boolean): boolean {
  if (!p.direction) p.direction = negative ? 'decrease' : 'increase';
  else if (negative) {
    // (a minus after a decrease word — 减少-5.00万元 — is a double negative or a stray sign: which is meant is not known)
    if (p.direction === 'flat' || p.direction === 'decrease') return false;
    p.direction = p.direction === 'increase' ? 'decrease' : 'increase';
  }
  return true;
}
