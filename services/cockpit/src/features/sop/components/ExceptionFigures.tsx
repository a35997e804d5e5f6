import type { SopExceptionView } from '@tollgate/contracts/views';
import { Group, Text } from '@mantine/core';
import { formatMoney } from '../../../lib/format/money';
import { formatVolume } from '../../../lib/format/volume';

/** An exception's figures: money or volumes by its kind, the reference against what is forecast or asked for, and the deviation. */
export function ExceptionFigures({ exception, currency }: { exception: SopExceptionView; currency: string }) {
  if (exception.kind === 'initiative_escalated') return <Text size="sm">A milestone is late and its escalation has reached the sponsor or the steering committee.</Text>;
  const money = exception.kind !== 'demand_exceeds_capacity';
  const show = (amount: number | null) => (amount === null ? 'n/a' : money ? formatMoney(amount, currency) : formatVolume(amount));
  const [reference, actual] =
    exception.kind === 'demand_exceeds_capacity' ? ['Capacity', 'Demand'] : exception.kind === 'forecast_below_target' ? ['Target', 'Forecast'] : ['Plan', 'Forecast'];
  return (
    <Group gap="lg">
      <Text size="sm">
        {reference}: <b>{show(exception.reference)}</b>
      </Text>
      <Text size="sm">
        {actual}: <b>{show(exception.actual)}</b>
      </Text>
      <Text size="sm" c={exception.kind === 'forecast_above_plan' ? undefined : 'red.9'}>
        Deviation: <b>{show(exception.deviation)}</b>
      </Text>
    </Group>
  );
}
