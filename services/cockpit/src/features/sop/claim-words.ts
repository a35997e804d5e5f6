import type { DecisionCheck, DecisionClaim } from '@tollgate/domain';
import { formatDay } from '../../lib/format/instant';
import { formatMoney } from '../../lib/format/money';
import { formatPeriod } from '../../lib/format/period';
import { formatVolume } from '../../lib/format/volume';

/** A figure of a claim in its unit: volume, money or a stage. */
function figureOf(claim: DecisionClaim, amount: number, currency: string): string {
  if (claim.figure === 'family_capacity' || claim.figure === 'family_demand_actual') return formatVolume(amount);
  if (claim.figure === 'initiative_stage') return `DoI ${amount}`;
  return formatMoney(amount, currency);
}

/** What a decision expects, in words: "Chilled capacity at least 15,000 from May 2027, by 1 May 2027". */
export function claimWords(claim: DecisionClaim, currency: string): string {
  const least = figureOf(claim, claim.atLeast, currency);
  const by = `by ${formatDay(claim.by)}`;
  switch (claim.figure) {
    case 'family_capacity':
      return `${claim.family} capacity at least ${least} from ${formatPeriod(claim.from)}, ${by}`;
    case 'family_demand_actual':
      return `${claim.family} actual demand at least ${least} in ${formatPeriod(claim.from)}, ${by}`;
    case 'node_forecast':
      return `the year's forecast at least ${least}, ${by}`;
    case 'node_confirmed':
      return `value confirmed by finance this year at least ${least}, ${by}`;
    case 'initiative_stage':
      return `the initiative at ${least} or beyond, ${by}`;
  }
}

/** What became of it: met or missed with the figure read, or still to be checked. */
export function checkWords(claim: DecisionClaim, check: DecisionCheck | null, currency: string): string {
  if (!check) return `to be checked on ${formatDay(claim.by)}`;
  return check.met ? `met (${figureOf(claim, check.actual, currency)})` : `missed: ${figureOf(claim, check.actual, currency)} against ${figureOf(claim, check.expected, currency)}`;
}
