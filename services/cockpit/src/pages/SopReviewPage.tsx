import { Anchor, Badge, Button, Card, Grid, Group, Select, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { call } from '../api/client';
import type { ForecastAccuracyView, OrgNodeWithChildrenView, PlanView, SopAgendaView, SopCycleListView, SopCycleView, SopExceptionView, SopPivotView } from '@tollgate/contracts/views';
import { SOP_STEP_NAMES } from '../api/sop';
import { Chart, type ChartOption } from '../charts/Chart';
import { demandCapacitySeries } from '../charts/chart-data';
import { NodeCrumb } from '../links/NodeCrumb';
import { Problem, Refusal } from '../feedback/Refusal';
import { formatDay, formatInstant } from '../format/instant';
import { formatMoney, formatRate } from '../format/money';
import { formatPeriod } from '../format/period';
import { currentViewer, type Viewer } from './initiative-rights';
import { decidedSubjects, isLate, mayCompleteStep, mayDecideSop, mayMitigate } from './sop-rights';

const KINDS: Record<SopExceptionView['kind'], string> = {
  forecast_below_plan: 'Forecast below plan',
  forecast_above_plan: 'Forecast above plan',
  forecast_below_target: 'Forecast below target',
  demand_exceeds_capacity: 'Demand beyond capacity',
  initiative_escalated: 'Initiative escalated',
};
const MOVES: Record<SopPivotView['move'], { label: string; colour: string }> = {
  accelerate: { label: 'accelerate', colour: 'green' },
  keep: { label: 'keep', colour: 'gray' },
  hold: { label: 'hold', colour: 'red' },
  resume: { label: 'resume', colour: 'blue' },
};
// Light badges keep dark text: their tinted label colours fall short of 4.5:1.
const READABLE = { label: { color: '#212529' } };
const COLOURS = { demand: '#3b5bdb', capacity: '#495057', shortfall: '#c92a2a' };

const volume = (amount: number) => new Intl.NumberFormat('en-GB').format(amount);

/** What a cycle's command needs: the call, then every view of the cycle read again. */
function useCycleCommand<T>(cycleId: string, command: (body: T) => Promise<unknown>, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: command,
    onSuccess: async () => {
      onDone?.();
      await client.invalidateQueries({ queryKey: ['sop', cycleId] });
    },
  });
}

/** A PMO starts this month's cycle on demand; the node's setup names each step's owner (422 without one). */
function CycleStart({ nodeId, period, onStarted }: { nodeId: string; period: string; onStarted: (cycleId: string) => void }) {
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => call<SopCycleView>('plans', '/api/sop-cycles', { method: 'POST', body: { orgNodeId: nodeId, period } }),
    onSuccess: async (cycle) => {
      await client.invalidateQueries({ queryKey: ['sop', 'cycles', nodeId] });
      onStarted(cycle.id);
    },
  });
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between">
        <Text>No cycle for {formatPeriod(period)} yet.</Text>
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          Start the {formatPeriod(period)} cycle
        </Button>
      </Group>
      <Refusal error={start.error} />
    </Card>
  );
}

function StepCompletion({ cycle }: { cycle: SopCycleView }) {
  const [note, setNote] = useState('');
  const publishing = cycle.step === 'executive_sop';
  const complete = useCycleCommand(
    cycle.id,
    () => call('plans', `/api/sop-cycles/${encodeURIComponent(cycle.id)}/steps/${cycle.step}/completion`, { method: 'POST', body: note.trim() ? { note } : {} }),
    () => setNote(''),
  );
  return (
    <Card withBorder padding="sm" mt="sm">
      <Text fw={600}>{publishing ? 'Close the executive S&OP and publish the cycle' : `Complete ${SOP_STEP_NAMES[cycle.step]}`}</Text>
      <Textarea label="Note for the record (optional)" value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button onClick={() => complete.mutate(undefined)} loading={complete.isPending}>
          {publishing ? 'Publish the cycle' : `Complete ${SOP_STEP_NAMES[cycle.step]}`}
        </Button>
      </Group>
      <Refusal error={complete.error} />
    </Card>
  );
}

function Steps({ cycle, me }: { cycle: SopCycleView; me: Viewer }) {
  const now = Date.now();
  const current = cycle.steps.find((step) => step.step === cycle.step);
  return (
    <section aria-labelledby="steps">
      <Title order={2} size="h3" id="steps" mb="xs">
        Steps
      </Title>
      <Table withTableBorder aria-label="Steps of the cycle">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>Done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cycle.steps
            .filter((step) => step.step !== 'published')
            .map((step) => {
              const late = isLate(step, now);
              const isCurrent = step.step === cycle.step;
              return (
                <Table.Tr key={step.step} aria-current={isCurrent ? 'step' : undefined} bg={isCurrent ? 'var(--mantine-color-indigo-0)' : undefined}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={isCurrent ? 700 : 400}>{SOP_STEP_NAMES[step.step]}</Text>
                      {isCurrent && (
                        <Badge variant="light" styles={READABLE}>
                          now
                        </Badge>
                      )}
                      {late && (
                        <Badge color="red.9" variant="filled">
                          late
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{step.ownerId}</Table.Td>
                  <Table.Td>{step.dueAt ? formatInstant(step.dueAt) : 'not begun'}</Table.Td>
                  <Table.Td>
                    {step.completedAt ? (
                      <>
                        <Text size="sm">
                          {formatInstant(step.completedAt)} by {step.completedBy}
                        </Text>
                        {step.note && (
                          <Text size="xs" c="dimmed">
                            {step.note}
                          </Text>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
      {cycle.step === 'published' ? (
        <Text mt="xs" fw={600} c="green.9">
          Published {formatInstant(cycle.steps.find((step) => step.step === 'published')?.completedAt)}.
        </Text>
      ) : (
        current && mayCompleteStep(me, cycle, current) && <StepCompletion cycle={cycle} />
      )}
    </section>
  );
}

function Figures({ exception, currency }: { exception: SopExceptionView; currency: string }) {
  if (exception.kind === 'initiative_escalated') return <Text size="sm">A milestone is late and its escalation has reached the sponsor or the steering committee.</Text>;
  const money = exception.kind !== 'demand_exceeds_capacity';
  const show = (amount: number | null) => (amount === null ? 'n/a' : money ? formatMoney(amount, currency) : volume(amount));
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

function MitigationForm({ cycle, exception }: { cycle: SopCycleView; exception: SopExceptionView }) {
  const [action, setAction] = useState('');
  const [ownerId, setOwnerId] = useState(exception.ownerId);
  const [dueDate, setDueDate] = useState('');
  const send = useCycleCommand(cycle.id, () =>
    call('plans', `/api/sop-cycles/${encodeURIComponent(cycle.id)}/exceptions/${exception.id}/mitigation`, { method: 'POST', body: { action, ownerId, dueDate } }),
  );
  return (
    <Stack gap={6} mt="xs">
      <Textarea label="Mitigation: the action" value={action} onChange={(event) => setAction(event.currentTarget.value)} autosize minRows={1} />
      <Group grow>
        <TextInput label="Who carries it out" value={ownerId} onChange={(event) => setOwnerId(event.currentTarget.value)} />
        <TextInput label="By when" type="date" value={dueDate} onChange={(event) => setDueDate(event.currentTarget.value)} />
      </Group>
      <Group>
        <Button size="sm" onClick={() => send.mutate(undefined)} loading={send.isPending} disabled={!action.trim() || !dueDate}>
          Send the mitigation
        </Button>
      </Group>
      <Refusal error={send.error} />
    </Stack>
  );
}

/** The chair's decision on one subject, with the rationale every decision needs. */
function DecisionForm({ cycle, kinds, subject, label }: { cycle: SopCycleView; kinds: Array<{ kind: string; label: string; colour?: string }>; subject: string | null; label: string }) {
  const [rationale, setRationale] = useState('');
  const decide = useCycleCommand(
    cycle.id,
    (kind: string) => call('plans', `/api/sop-cycles/${encodeURIComponent(cycle.id)}/decisions`, { method: 'POST', body: { kind, subject, rationale } }),
    () => setRationale(''),
  );
  return (
    <Stack gap={6} mt="xs">
      <Textarea label={label} value={rationale} onChange={(event) => setRationale(event.currentTarget.value)} autosize minRows={1} />
      <Group>
        {kinds.map((choice) => (
          <Button key={choice.kind} size="sm" variant={choice.colour ? 'outline' : 'filled'} color={choice.colour} onClick={() => decide.mutate(choice.kind)} loading={decide.isPending} disabled={!rationale.trim()}>
            {choice.label}
          </Button>
        ))}
      </Group>
      <Refusal error={decide.error} />
    </Stack>
  );
}

function Agenda({ cycle, agenda, currency, me }: { cycle: SopCycleView; agenda: SopAgendaView; currency: string; me: Viewer }) {
  const decided = decidedSubjects(cycle);
  const decides = mayDecideSop(me, cycle);
  const missing = agenda.exceptions.filter((exception) => !exception.mitigation).length;
  return (
    <section aria-labelledby="agenda">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h3" id="agenda">
          Agenda: exceptions only
        </Title>
        {agenda.mitigationDueAt && (
          <Text size="sm" c={missing ? 'red.9' : 'dimmed'}>
            {missing ? `${missing} ${missing === 1 ? 'mitigation' : 'mitigations'} missing; due ${formatInstant(agenda.mitigationDueAt)}` : 'every exception has its mitigation'}
          </Text>
        )}
      </Group>
      {agenda.exceptions.length === 0 ? (
        <Text c="dimmed">{cycle.step === 'data_gathering' || cycle.step === 'demand_review' || cycle.step === 'supply_review' || cycle.step === 'pre_sop' ? 'The pre-S&OP has not raised the exceptions yet.' : 'Nothing deviates from plan this period.'}</Text>
      ) : (
        <Stack gap="sm">
          {agenda.exceptions.map((exception) => (
            <Card key={exception.id} withBorder padding="sm" aria-label={`${KINDS[exception.kind]}: ${exception.subjectName ?? exception.subject}`} data-exception={exception.kind}>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Text fw={700}>{KINDS[exception.kind]}</Text>
                  <Text size="sm">
                    {exception.kind === 'initiative_escalated' ? (
                      <Anchor component={Link} to={`/initiatives/${exception.subject}`}>
                        {exception.subjectName ?? exception.subject}
                      </Anchor>
                    ) : (
                      (exception.subjectName ?? exception.subject)
                    )}{' '}
                    · {formatPeriod(exception.period)} · owed by {exception.ownerId}
                  </Text>
                </div>
                {exception.mitigation ? (
                  decided.mitigations.has(exception.id) ? (
                    <Badge color="#1e6b30">mitigation accepted</Badge>
                  ) : (
                    <Badge color="green" variant="light" styles={READABLE}>
                      mitigated
                    </Badge>
                  )
                ) : (
                  <Badge color="red.9" variant="filled">
                    {exception.state === 'escalated' ? 'mitigation missing: escalated' : 'mitigation missing'}
                  </Badge>
                )}
              </Group>
              <Figures exception={exception} currency={currency} />
              {exception.mitigation ? (
                <Text size="sm" mt={6}>
                  Mitigation: {exception.mitigation.action} — {exception.mitigation.ownerId}, by {formatDay(exception.mitigation.dueDate)}{' '}
                  <Text span size="xs" c="dimmed">
                    (sent by {exception.mitigation.submittedBy}, {formatInstant(exception.mitigation.submittedAt)})
                  </Text>
                </Text>
              ) : (
                mayMitigate(me, cycle, exception) && <MitigationForm cycle={cycle} exception={exception} />
              )}
              {decides && exception.mitigation && !decided.mitigations.has(exception.id) && (
                <DecisionForm cycle={cycle} subject={exception.id} kinds={[{ kind: 'accept_mitigation', label: 'Accept the mitigation' }]} label="Why the mitigation is enough" />
              )}
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}

function Pivots({ cycle, agenda, me }: { cycle: SopCycleView; agenda: SopAgendaView; me: Viewer }) {
  const decided = decidedSubjects(cycle);
  const programs = [...new Map(agenda.pivots.map((pivot) => [pivot.programId, pivot.programName ?? pivot.programId])).entries()];
  if (agenda.pivots.length === 0) return null;
  return (
    <section aria-labelledby="pivots">
      <Title order={2} size="h3" id="pivots" mb="xs">
        Proposed pivots
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Ranked by risk-weighted value per unit of budget and people; what does not fit the program's capacity is held.
      </Text>
      {programs.map(([programId, programName]) => {
        const ranked = agenda.pivots.filter((pivot) => pivot.programId === programId);
        // The raw score is value per share of the program's capacity: only its order and ratios mean something to a reader.
        const best = Math.max(...ranked.map((pivot) => pivot.score), 1);
        return (
        <Card key={programId} withBorder padding="sm" mb="sm">
          <Group justify="space-between">
            <Text fw={700}>{programName}</Text>
            {decided.pivots.has(programId) && <Badge color={decided.pivots.get(programId) === 'approved' ? '#1e6b30' : 'gray.8'}>pivot {decided.pivots.get(programId)}</Badge>}
          </Group>
          <Table aria-label={`Proposed pivot of ${programName}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rank</Table.Th>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Move</Table.Th>
                <Table.Th ta="right">Score (best = 100)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranked.map((pivot, index) => (
                  <Table.Tr key={pivot.initiativeId}>
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/initiatives/${pivot.initiativeId}`}>
                        {pivot.title ?? pivot.initiativeId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={MOVES[pivot.move].colour} variant="light" styles={READABLE}>
                        {MOVES[pivot.move].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{Math.round((pivot.score / best) * 100)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
          {mayDecideSop(me, cycle) && !decided.pivots.has(programId) && (
            <DecisionForm
              cycle={cycle}
              subject={programId}
              label="Rationale for the pivot decision"
              kinds={[
                { kind: 'approve_pivot', label: 'Approve the pivot' },
                { kind: 'reject_pivot', label: 'Reject the pivot', colour: 'red' },
              ]}
            />
          )}
        </Card>
        );
      })}
    </section>
  );
}

function Decisions({ cycle, me }: { cycle: SopCycleView; me: Viewer }) {
  return (
    <section aria-labelledby="decisions">
      <Title order={2} size="h3" id="decisions" mb="xs">
        Decisions
      </Title>
      {cycle.decisions.length === 0 ? (
        <Text c="dimmed">No decision recorded in this cycle yet.</Text>
      ) : (
        <Table withTableBorder aria-label="Decisions of the cycle">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decision</Table.Th>
              <Table.Th>Rationale</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>What it did</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cycle.decisions.map((decision) => (
              <Table.Tr key={decision.decisionId}>
                <Table.Td>{decision.kind.replace('_', ' ')}</Table.Td>
                <Table.Td>{decision.rationale}</Table.Td>
                <Table.Td>
                  {decision.decidedBy}, {formatInstant(decision.decidedAt)}
                </Table.Td>
                <Table.Td>{decision.outcome === null ? 'being applied' : decision.outcome.length ? decision.outcome.join('; ') : 'nothing to change'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayDecideSop(me, cycle) && (
        <Card withBorder padding="sm" mt="sm">
          <Text fw={600}>Record a resolution</Text>
          <DecisionForm cycle={cycle} subject={null} kinds={[{ kind: 'resolution', label: 'Record the resolution' }]} label="What the review resolved, and why" />
        </Card>
      )}
    </section>
  );
}

function Escalations({ cycle, agenda }: { cycle: SopCycleView; agenda: SopAgendaView }) {
  if (cycle.escalations.length === 0) return null;
  const names = new Map(agenda.exceptions.map((exception) => [exception.id, `${KINDS[exception.kind]}: ${exception.subjectName ?? exception.subject}`]));
  return (
    <section aria-labelledby="escalations">
      <Title order={2} size="h3" id="escalations" mb="xs">
        Escalations
      </Title>
      <Table withTableBorder aria-label="Escalations of the cycle">
        <Table.Tbody>
          {cycle.escalations.map((escalation) => (
            <Table.Tr key={`${escalation.kind}-${escalation.subject}`}>
              <Table.Td>{escalation.kind === 'step_overdue' ? `${SOP_STEP_NAMES[escalation.subject] ?? escalation.subject} is late` : `No mitigation for ${names.get(escalation.subject) ?? escalation.subject}`}</Table.Td>
              <Table.Td>owed by {escalation.ownerId}</Table.Td>
              <Table.Td>escalated to {escalation.escalatedTo.replace('_', ' ')}</Table.Td>
              <Table.Td>{formatInstant(escalation.at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function DemandCapacity({ plan, period }: { plan: PlanView; period: string }) {
  const series = useMemo(() => demandCapacitySeries(plan), [plan]);
  const [family, setFamily] = useState<string | null>(null);
  const shown = series.families.find((candidate) => candidate.family === family) ?? series.families.find((candidate) => candidate.shortfall.some((gap) => gap > 0)) ?? series.families[0];
  const option = useMemo<ChartOption | null>(
    () =>
      shown
        ? {
            grid: { left: 60, right: 12, top: 36, bottom: 40 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis', valueFormatter: (value: number) => volume(value) },
            xAxis: { type: 'category', data: series.periods.map((month) => formatPeriod(month)) },
            yAxis: { type: 'value', axisLabel: { formatter: (value: number) => new Intl.NumberFormat('en-GB', { notation: 'compact' }).format(value) } },
            series: [
              {
                name: 'Demand',
                type: 'bar',
                data: shown.demand.map((value, index) => ({ value, itemStyle: { color: shown.shortfall[index] > 0 ? COLOURS.shortfall : COLOURS.demand } })),
                markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dotted' }, data: [{ xAxis: formatPeriod(period) }] },
              },
              { name: 'Capacity', type: 'line', step: 'middle', data: shown.capacity, itemStyle: { color: COLOURS.capacity } },
            ],
          }
        : null,
    [shown, series.periods, period],
  );
  const inPeriod = series.periods.indexOf(period);
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Demand against capacity
      </Title>
      {series.families.length === 0 ? (
        <Text c="dimmed" size="sm">
          The plan of record holds no demand or capacity.
        </Text>
      ) : (
        <>
          <Select label="Family" data={series.families.map((candidate) => candidate.family)} value={shown.family} onChange={setFamily} allowDeselect={false} w={180} size="xs" />
          <Text size="xs" c="dimmed" mt={4}>
            Months where demand passes capacity are in red.
          </Text>
          {option && <Chart option={option} height={220} label={`Demand against capacity for ${shown.family}, per month`} />}
          {inPeriod >= 0 && (
            <Table aria-label={`Demand against capacity in ${formatPeriod(period)}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{formatPeriod(period)}</Table.Th>
                  <Table.Th ta="right">Demand</Table.Th>
                  <Table.Th ta="right">Capacity</Table.Th>
                  <Table.Th ta="right">Short by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {series.families.map((row) => (
                  <Table.Tr key={row.family}>
                    <Table.Td>{row.family}</Table.Td>
                    <Table.Td ta="right">{volume(row.demand[inPeriod])}</Table.Td>
                    <Table.Td ta="right">{volume(row.capacity[inPeriod])}</Table.Td>
                    <Table.Td ta="right" c={row.shortfall[inPeriod] > 0 ? 'red.9' : undefined} fw={row.shortfall[inPeriod] > 0 ? 700 : undefined}>
                      {row.shortfall[inPeriod] > 0 ? volume(row.shortfall[inPeriod]) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}

function Accuracy({ accuracy }: { accuracy: ForecastAccuracyView }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Forecast accuracy
      </Title>
      <Text size="xs" c="dimmed">
        The plan of record's demand against actual demand. Bias above zero: the plan over-forecasts.
      </Text>
      {accuracy.families.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          No actual demand has been posted for a month the plan forecasts.
        </Text>
      ) : (
        <Table aria-label="Forecast accuracy per family" fz="sm" style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Family</Table.Th>
              <Table.Th ta="right">MAPE</Table.Th>
              <Table.Th ta="right">
                <abbr title="weighted MAPE">wMAPE</abbr>
              </Table.Th>
              <Table.Th ta="right">Bias</Table.Th>
              <Table.Th ta="right">Months</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accuracy.families.map((family) => (
              <Table.Tr key={family.family}>
                <Table.Td>{family.family}</Table.Td>
                <Table.Td ta="right">{formatRate(family.mape)}</Table.Td>
                <Table.Td ta="right">{formatRate(family.wmape)}</Table.Td>
                <Table.Td ta="right">{family.bias === null ? 'n/a' : `${family.bias > 0 ? '+' : ''}${formatRate(family.bias)}`}</Table.Td>
                <Table.Td ta="right">{family.points.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The S&OP review room of a node: the cycle's steps, its agenda of exceptions, the pivots, the decisions; demand, capacity and accuracy beside. */
export function SopReviewPage() {
  const { nodeId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const me = currentViewer();
  const node = useQuery({ queryKey: ['org-node', nodeId], queryFn: () => call<OrgNodeWithChildrenView>('plans', `/api/org-nodes/${nodeId}`) });
  const cycles = useQuery({ queryKey: ['sop', 'cycles', nodeId], queryFn: () => call<SopCycleListView>('plans', `/api/sop-cycles?orgNodeId=${encodeURIComponent(nodeId)}`) });
  const cycleId = search.get('cycle') ?? cycles.data?.cycles[0]?.id ?? null;
  const cycle = useQuery({ queryKey: ['sop', cycleId, 'cycle'], queryFn: () => call<SopCycleView>('plans', `/api/sop-cycles/${encodeURIComponent(cycleId!)}`), enabled: cycleId !== null });
  const agenda = useQuery({ queryKey: ['sop', cycleId, 'agenda'], queryFn: () => call<SopAgendaView>('plans', `/api/sop-cycles/${encodeURIComponent(cycleId!)}/agenda`), enabled: cycleId !== null });
  const plan = useQuery({ queryKey: ['plan', nodeId], queryFn: () => call<PlanView>('plans', `/api/org-nodes/${nodeId}/plan`), retry: false });
  const accuracy = useQuery({ queryKey: ['accuracy', nodeId], queryFn: () => call<ForecastAccuracyView>('plans', `/api/org-nodes/${nodeId}/forecast-accuracy`), retry: false });
  const currency = plan.data?.currency ?? DEFAULT_CURRENCY;
  const thisMonth = new Date().toISOString().slice(0, 7);

  if (node.error && !node.data) return <Problem error={node.error} />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <NodeCrumb nodeId={nodeId} name={node.data?.name} page="S&OP review" />
          <Title order={1}>{cycle.data ? `S&OP review, ${formatPeriod(cycle.data.period)}` : 'S&OP review'}</Title>
          {cycle.data && (
            <Text size="sm" c="dimmed">
              Chaired by {cycle.data.chairId} · {cycle.data.step === 'published' ? 'published' : `at ${SOP_STEP_NAMES[cycle.data.step]}`} · started by {cycle.data.startedBy} {formatInstant(cycle.data.startedAt)}
            </Text>
          )}
        </div>
        {cycles.data && cycles.data.cycles.length > 0 && (
          <Select
            label="Cycle"
            w={180}
            allowDeselect={false}
            data={cycles.data.cycles.map((candidate) => ({ value: candidate.id, label: formatPeriod(candidate.period) }))}
            value={cycleId}
            onChange={(value) => value && setSearch({ cycle: value })}
          />
        )}
      </Group>
      {cycles.error ? (
        <Problem error={cycles.error} />
      ) : cycles.data && cycles.data.cycles.length === 0 ? (
        <Text c="dimmed">This node has not run an S&OP cycle yet. A PMO starts one here, or its setup's schedule does each month.</Text>
      ) : null}
      {cycles.data && (me.roles.includes('pmo') || me.roles.includes('admin')) && !cycles.data.cycles.some((candidate) => candidate.period === thisMonth) && (
        <CycleStart nodeId={nodeId} period={thisMonth} onStarted={(id) => setSearch({ cycle: id })} />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {cycle.error ? <Problem error={cycle.error} /> : cycle.data ? <Steps cycle={cycle.data} me={me} /> : cycleId && <Skeleton h={220} />}
            {agenda.error ? <Problem error={agenda.error} /> : cycle.data && agenda.data ? <Agenda cycle={cycle.data} agenda={agenda.data} currency={currency} me={me} /> : cycleId && <Skeleton h={300} />}
            {cycle.data && agenda.data && <Escalations cycle={cycle.data} agenda={agenda.data} />}
            {cycle.data && agenda.data && <Pivots cycle={cycle.data} agenda={agenda.data} me={me} />}
            {cycle.data && <Decisions cycle={cycle.data} me={me} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {plan.data ? (
              <DemandCapacity plan={plan.data} period={cycle.data?.period ?? plan.data.demand[0]?.period ?? ''} />
            ) : plan.error ? (
              <Card withBorder>
                <Text c="dimmed" size="sm">
                  This node has no plan of record: demand and capacity are not planned here.
                </Text>
              </Card>
            ) : (
              <Skeleton h={300} />
            )}
            {accuracy.data ? <Accuracy accuracy={accuracy.data} /> : accuracy.isLoading ? <Skeleton h={160} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
