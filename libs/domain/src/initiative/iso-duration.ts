// Calendar units (years, months) have no fixed length, so only weeks, days
// and clock units are accepted: an escalation grace period must be exact.
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000];

/**
 * Milliseconds of an ISO-8601 duration such as `P7D`, `P2W` or `PT36H`;
 * undefined when the text is not such a duration, or is zero unless `zero` allows it.
 */
export function parseIsoDuration(text: string, { zero = false }: { zero?: boolean } = {}): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim().endsWith('T') || match.slice(1).every((part) => part === undefined)) return undefined;
  const ms = match.slice(1).reduce((sum, part, index) => sum + (part ? Number(part) * UNIT_MS[index] : 0), 0);
  return ms > 0 || (zero && ms === 0) ? ms : undefined;
}
