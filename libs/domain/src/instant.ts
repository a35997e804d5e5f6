/**
 * The one convention for instants in workflow state (and so in queries,
 * projections and events): ISO-8601 UTC strings, which read the same in the
 * Temporal UI, the tables and the API. Epoch milliseconds appear only where
 * time is computed: `now`, deadlines, timers.
 */
export type Instant = string;

export function instantAt(milliseconds: number): Instant {
  return new Date(milliseconds).toISOString();
}

export function millisecondsOf(instant: Instant): number {
  return Date.parse(instant);
}
