/**
 * Why PostgreSQL refused an event's data for good, or null when the failure
 * may pass (connection lost, lock timeout, a concurrent write). A data
 * exception (SQLSTATE class 22: a value too long, out of range, malformed) or
 * a missing or unchecked value (23502, 23514) fails the same way every time:
 * retrying it would stall the partition behind one event forever.
 */
export function permanentStorageRefusal(error: unknown): string | null {
  const driverError = (error as { driverError?: { code?: unknown; message?: unknown } })?.driverError ?? (error as { code?: unknown; message?: unknown });
  const code = typeof driverError?.code === 'string' ? driverError.code : '';
  if (!/^22[0-9A-Z]{3}$/.test(code) && code !== '23502' && code !== '23514') return null;
  return `the event's data cannot be stored (SQLSTATE ${code}): ${String(driverError.message ?? error)}`;
}
