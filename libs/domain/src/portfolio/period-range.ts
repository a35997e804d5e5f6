import { isPeriod } from '../period';

/** Ten years of months: a longer range is a mistake rather than a report. */
export const MAX_REPORT_PERIODS = 120;

/** The months from `from` to `to`, both included, or every reason the range is malformed. */
export function periodsBetween(from: string, to: string): { periods: string[] } | { unmet: string[] } {
  const unmet: string[] = [];
  if (!isPeriod(from)) unmet.push('from must be a period YYYY-MM');
  if (!isPeriod(to)) unmet.push('to must be a period YYYY-MM');
  if (unmet.length > 0) return { unmet };
  const count = monthIndex(to) - monthIndex(from) + 1;
  if (count < 1) return { unmet: ['from must not come after to'] };
  if (count > MAX_REPORT_PERIODS) return { unmet: [`a range covers at most ${MAX_REPORT_PERIODS} periods`] };
  return { periods: Array.from({ length: count }, (_, index) => periodOf(monthIndex(from) + index)) };
}

function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

function periodOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
