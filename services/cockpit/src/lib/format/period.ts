const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A period `YYYY-MM` as a month a person reads: "Mar 2027". */
export function formatPeriod(period: string, locale = 'en-GB'): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The periods from one to another, both included: the axis of a chart over time. */
export function periodsBetween(from: string, to: string): string[] {
  const start = PERIOD.exec(from);
  const end = PERIOD.exec(to);
  if (!start || !end) return [];
  const periods: string[] = [];
  for (let index = Number(start[1]) * 12 + Number(start[2]) - 1; index <= Number(end[1]) * 12 + Number(end[2]) - 1; index += 1) {
    periods.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return periods;
}

/** The period of a date, in UTC. */
export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A period moved by a number of months. */
export function shiftPeriod(period: string, months: number): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** An ISO-8601 duration of weeks, days or hours as words: "P60D" is "60 days". */
export function formatDuration(duration: string): string {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/.exec(duration);
  if (!match) return duration;
  const parts = [
    [match[1], 'week'],
    [match[2], 'day'],
    [match[3], 'hour'],
  ].filter(([count]) => count !== undefined && Number(count) > 0).map(([count, unit]) => `${Number(count)} ${unit}${Number(count) === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' ') : duration;
}
