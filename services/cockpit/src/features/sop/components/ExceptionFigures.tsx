import type { OffPlanExceptionView } from '@tollgate/contracts/views';
import { Badge, Group, Text } from '@mantine/core';
import { gateKeysInWords } from '@tollgate/domain';
import { formatDay } from '../../../lib/format/instant';
import { formatMoney } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';
import { formatVolume } from '../../../lib/format/volume';

/** What an exception's figures show: the same on the node page as on the agenda. */
export type ExceptionFiguresOf = Pick<OffPlanExceptionView, 'kind' | 'valueAtRisk' | 'figures'> & { reference: number | null; actual: number | null; deviation: number | null };

const RUNGS: Record<number, string> = { 1: 'its owner', 2: 'the sponsor', 3: 'the steering committee' };

const PHANTOM: Record<string, string> = {
  implemented_unconfirmed: 'implemented, and finance has confirmed nothing',
  on_track_forecast_under_plan: 'reported on track while its forecast is under plan',
};

/** An exception's figures by kind: the reference against what is forecast or asked for, the late milestone, why progress is phantom. */
export function ExceptionFigures({ exception, currency }: { exception: ExceptionFiguresOf; currency: string }) {
  const { figures } = exception;
  const money = (amount: number | null) => (amount === null ? 'n/a' : formatMoney(amount, currency));
  if (exception.kind === 'initiative_escalated') {
    const late = figures.milestone;
    return late ? (
      <Text size="sm">
        Milestone “{late.title}” was due {formatDay(late.dueDate)}: <b>{late.daysLate} {late.daysLate === 1 ? 'day' : 'days'} late</b>, escalated to {RUNGS[late.level] ?? `rung ${late.level}`}.
      </Text>
    ) : (
      <Text size="sm">A milestone is late and its escalation has reached the sponsor or the steering committee.</Text>
    );
  }
  if (exception.kind === 'gate_request_waiting' && figures.gateRequest) {
    const gate = figures.gateRequest;
    const keys = gateKeysInWords(gate.keys);
    return (
      <Text size="sm">
        The gate to DoI {gate.targetStage} was asked for {formatDay(gate.submittedAt.slice(0, 10))}: <b>{gate.daysWaiting} days waiting</b> for {keys}.
      </Text>
    );
  }
  if (exception.kind === 'action_overdue' && figures.action) {
    return (
      <Text size="sm">
        “{figures.action.title}” was due {formatDay(figures.action.dueDate)} and is not done.
      </Text>
    );
  }
  if (exception.kind === 'phantom_progress') {
    return (
      <Group gap="lg">
        <Text size="sm">{(figures.reasons ?? []).map((reason) => PHANTOM[reason] ?? reason).join('; ')}</Text>
        <Text size="sm">
          Planned: <b>{money(exception.reference)}</b>
        </Text>
      </Group>
    );
  }
  const volumes = exception.kind === 'demand_exceeds_capacity';
  const show = (amount: number | null) => (amount === null ? 'n/a' : volumes ? formatVolume(amount) : formatMoney(amount, currency));
  const [reference, actual] = volumes
    ? ['Capacity', 'Demand']
    : exception.kind === 'forecast_below_target_ytd'
      ? [`Target since ${formatPeriod(figures.from ?? '')}`, 'Forecast']
      : exception.kind === 'forecast_below_target'
        ? ['Target', 'Forecast']
        : ['Plan', 'Forecast'];
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

/** The value an exception puts at risk, and whether it came back from earlier cycles (and the mitigation accepted for it failed). */
export function ExceptionStakes({ exception, currency }: { exception: ExceptionFiguresOf; currency: string }) {
  const recurrence = exception.figures.recurrence;
  return (
    <Group gap={6} justify="flex-end">
      {exception.valueAtRisk !== null && exception.valueAtRisk > 0 && (
        <Text size="sm" fw={700} c="red.9">
          {formatMoney(exception.valueAtRisk, currency)} at risk
        </Text>
      )}
      {recurrence && (
        <Badge color="orange.9" variant="outline" title={`raised in ${recurrence.cycles} cycles in a row`}>
          {recurrence.cycles} cycles running
        </Badge>
      )}
      {recurrence?.mitigationFailed && (
        <Badge color="red.9" variant="filled">
          mitigation did not work
        </Badge>
      )}
    </Group>
  );
}
