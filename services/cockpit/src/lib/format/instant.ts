/** An instant as people in different offices read it alike: day and time, in UTC. */
export function formatInstant(instant: string | null | undefined): string {
  return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '';
}

/** A calendar date (YYYY-MM-DD) as a day people read. */
export function formatDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}
