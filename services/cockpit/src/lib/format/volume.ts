/** A volume (units, not money) with grouped thousands. */
export function formatVolume(amount: number): string {
  return new Intl.NumberFormat('en-GB').format(amount);
}
