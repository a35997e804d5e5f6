import { Alert, Anchor, Badge, Button, Card, Grid, Group, Select, TextInput, Skeleton, Stack, Stepper, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { DEFAULT_CURRENCY, STAGES } from '@tollgate/domain';
import { ApiError, call, loadSettings } from '../api/client';
import type { AuditEntryView, GateView, InitiativeConfirmationsView, InitiativeLedgerView, InitiativeView } from '@tollgate/contracts/views';
import { Chart, type ChartOption } from '../charts/Chart';
import { valueSeries } from '../charts/chart-data';
import { formatMoney, formatMoneyShort, minorUnitsPerMajor } from '../format/money';
import { formatPeriod } from '../format/period';
import { Refusal } from '../feedback/Refusal';
import { ConfirmValueForm, RejectClosureForm } from './FinanceForms';
import { formatDay, formatInstant as when } from '../format/instant';
import { currentViewer, mayCompleteMilestone, mayConfirm, mayReplanMilestone, sideMovesFor, mayDecide, mayRequestClosure, mayRequestGate, type Viewer } from './initiative-rights';

const COLOURS = { planned: '#3b5bdb', forecast: '#b35900', confirmed: '#1e6b30' };
const STATUS_COLOURS: Record<string, string> = { on_track: 'green', at_risk: 'yellow', escalated: 'red', on_hold: 'gray', cancelled: 'gray', closed: 'indigo' };
const ESCALATION = { 1: 'owner asked for a mitigation', 2: 'sponsor brought in', 3: 'steering committee' } as const;

function GateDecision({ initiative, gate, onDone }: { initiative: InitiativeView; gate: GateView; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (approve: boolean) => call('initiatives', `/api/initiatives/${initiative.id}/gate-requests/${gate.id}/decision`, { method: 'POST', body: { approve, comment } }),
    onSuccess: onDone,
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Gate to {STAGES[gate.targetStage]?.name ?? gate.targetStage} awaits your key</Text>
      <Text size="sm">Evidence: {gate.evidence.text}</Text>
      <Text size="sm" c="dimmed">
        Still needed: {gate.missingKeys.join(', and ')}
      </Text>
      <Textarea label="Comment (a rejection needs a reason)" value={comment} onChange={(event) => setComment(event.currentTarget.value)} autosize minRows={2} mt="xs" />
      <Group mt="xs">
        <Button onClick={() => decide.mutate(true)} loading={decide.isPending}>
          Approve
        </Button>
        <Button variant="outline" color="red" onClick={() => decide.mutate(false)} loading={decide.isPending}>
          Reject
        </Button>
      </Group>
      <Refusal error={decide.error} />
    </Card>
  );
}

/** The open milestone a form acts on, and its picker: the first one until another is picked, and again when the picked one is gone. */
function useMilestoneChoice(milestones: InitiativeView['milestones'], label: string) {
  const [milestoneId, setMilestoneId] = useState<string | null>(milestones[0]?.id ?? null);
  const chosen = milestones.some((milestone) => milestone.id === milestoneId) ? milestoneId : (milestones[0]?.id ?? null);
  const picker = (
    <Select label={label} data={milestones.map((milestone) => ({ value: milestone.id, label: `${milestone.title} (due ${formatDay(milestone.dueDate)})` }))} value={chosen} onChange={setMilestoneId} allowDeselect={false} />
  );
  return { chosen, picker };
}

function MilestoneCompletion({ initiative, milestones, onDone }: { initiative: InitiativeView; milestones: InitiativeView['milestones']; onDone: () => void }) {
  const { chosen, picker } = useMilestoneChoice(milestones, 'Milestone');
  const [evidence, setEvidence] = useState('');
  const complete = useMutation({
    mutationFn: () => call('initiatives', `/api/initiatives/${initiative.id}/milestones/${chosen}/complete`, { method: 'POST', body: { evidence: { text: evidence, links: [] } } }),
    onSuccess: () => {
      setEvidence('');
      onDone();
    },
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Complete a milestone</Text>
      {picker}
      <Textarea label="What was delivered" value={evidence} onChange={(event) => setEvidence(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button onClick={() => complete.mutate()} loading={complete.isPending} disabled={!chosen || evidence.trim() === ''}>
          Complete the milestone
        </Button>
      </Group>
      <Refusal error={complete.error} />
    </Card>
  );
}

const MOVES = {
  hold: { title: 'Put on hold', hint: 'Its gates wait until it is resumed.', button: 'Put on hold' },
  resume: { title: 'Resume', hint: 'Its gates may be decided again.', button: 'Resume' },
  cancel: { title: 'Cancel the initiative', hint: 'It promises nothing any more; this cannot be undone.', button: 'Cancel the initiative' },
  rollback: { title: 'Roll back one stage', hint: 'Back to the stage before, when its evidence no longer holds.', button: 'Roll back' },
} as const;

/** A side move with the reason each one needs. */
function SideMove({ initiative, move, onDone }: { initiative: InitiativeView; move: keyof typeof MOVES; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => call('initiatives', `/api/initiatives/${initiative.id}/${move}`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      setReason('');
      onDone();
    },
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>{MOVES[move].title}</Text>
      <Text size="sm" c="dimmed">
        {MOVES[move].hint}
      </Text>
      <Textarea label={`Reason to ${MOVES[move].button.toLowerCase()}`} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button variant="outline" color={move === 'cancel' || move === 'rollback' ? 'red' : undefined} onClick={() => send.mutate()} loading={send.isPending} disabled={reason.trim() === ''}>
          {MOVES[move].button}
        </Button>
      </Group>
      <Refusal error={send.error} />
    </Card>
  );
}

/** The sponsor moves an open milestone's due date, with a reason; its escalation starts again. */
function MilestoneReplan({ initiative, milestones, onDone }: { initiative: InitiativeView; milestones: InitiativeView['milestones']; onDone: () => void }) {
  const { chosen, picker } = useMilestoneChoice(milestones, 'Milestone to move');
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const replan = useMutation({
    mutationFn: () => call('initiatives', `/api/initiatives/${initiative.id}/milestones/${chosen}/replan`, { method: 'POST', body: { dueDate, reason } }),
    onSuccess: () => {
      setDueDate('');
      setReason('');
      onDone();
    },
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Move a milestone&apos;s due date</Text>
      {picker}
      <TextInput label="New due date" type="date" value={dueDate} onChange={(event) => setDueDate(event.currentTarget.value)} />
      <Textarea label="Reason for the new date" value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button onClick={() => replan.mutate()} loading={replan.isPending} disabled={!chosen || !dueDate || reason.trim() === ''}>
          Move the due date
        </Button>
      </Group>
      <Refusal error={replan.error} />
    </Card>
  );
}

function Actions({ initiative, viewer, onDone }: { initiative: InitiativeView; viewer: Viewer; onDone: () => void }) {
  const [evidence, setEvidence] = useState('');
  const nextStage = initiative.stage + 1;
  const requestGate = useMutation({
    mutationFn: () => call('initiatives', `/api/initiatives/${initiative.id}/gate-requests`, { method: 'POST', body: { targetStage: nextStage, evidence: { text: evidence, links: [] } } }),
    onSuccess: () => {
      setEvidence('');
      onDone();
    },
  });
  const requestClosure = useMutation({ mutationFn: () => call('initiatives', `/api/initiatives/${initiative.id}/closure`, { method: 'POST', body: {} }), onSuccess: onDone });
  const pending = initiative.gates.filter((gate) => mayDecide(viewer, initiative, gate));
  const openMilestones = initiative.milestones.filter((milestone) => milestone.completedAt === null);
  const offers = [
    mayRequestGate(viewer, initiative) && (
      <Card withBorder padding="sm" key="gate">
        <Text fw={600}>Request the gate to DoI {nextStage} {STAGES[nextStage]?.name}</Text>
        <Textarea label="Evidence" description="What shows the gate's criteria are met" value={evidence} onChange={(event) => setEvidence(event.currentTarget.value)} autosize minRows={2} />
        <Button mt="xs" onClick={() => requestGate.mutate()} loading={requestGate.isPending} disabled={evidence.trim() === ''}>
          Request gate
        </Button>
        <Refusal error={requestGate.error} />
      </Card>
    ),
    mayCompleteMilestone(viewer, initiative) && <MilestoneCompletion key="milestone" initiative={initiative} milestones={openMilestones} onDone={onDone} />,
    mayRequestClosure(viewer, initiative) && (
      <Card withBorder padding="sm" key="closure">
        <Text fw={600}>Request closure</Text>
        <Text size="sm" c="dimmed">
          The initiative closes once a controller has confirmed the value it realized.
        </Text>
        <Button mt="xs" onClick={() => requestClosure.mutate()} loading={requestClosure.isPending}>
          Request closure
        </Button>
        <Refusal error={requestClosure.error} />
      </Card>
    ),
    ...pending.map((gate) => <GateDecision key={gate.id} initiative={initiative} gate={gate} onDone={onDone} />),
    mayConfirm(viewer, initiative) && <ConfirmValueForm key="confirm" initiative={initiative} onDone={onDone} />,
    mayReplanMilestone(viewer, initiative) && <MilestoneReplan key="replan" initiative={initiative} milestones={openMilestones} onDone={onDone} />,
    ...sideMovesFor(viewer, initiative).map((move) => <SideMove key={move} initiative={initiative} move={move} onDone={onDone} />),
    mayConfirm(viewer, initiative) && initiative.closure.state === 'pending_confirmation' && <RejectClosureForm key="reject" initiative={initiative} onDone={onDone} />,
  ].filter(Boolean);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        What you can do
      </Title>
      {offers.length > 0 ? (
        offers
      ) : (
        <Text size="sm" c="dimmed">
          Nothing awaits you on this initiative.
        </Text>
      )}
    </Stack>
  );
}

/** One initiative: its DoI track with each gate's evidence and keys, milestones, value per month, the audit trail, and what the person may do. */
export function InitiativePage() {
  const { initiativeId = '' } = useParams();
  const viewer = currentViewer();
  const queries = useQueryClient();
  const settings = useQuery({ queryKey: ['cockpit-settings'], queryFn: loadSettings, refetchInterval: false });
  const initiative = useQuery({ queryKey: ['initiative', initiativeId], queryFn: () => call<InitiativeView>('initiatives', `/api/initiatives/${initiativeId}`) });
  const audit = useQuery({ queryKey: ['audit', initiativeId], queryFn: () => call<AuditEntryView[]>('initiatives', `/api/initiatives/${initiativeId}/audit`) });
  const confirmations = useQuery({
    queryKey: ['confirmations', initiativeId],
    queryFn: () => call<InitiativeConfirmationsView>('finance', `/api/initiatives/${initiativeId}/confirmations`),
  });
  const ledger = useQuery({ queryKey: ['ledger', initiativeId], queryFn: () => call<InitiativeLedgerView>('finance', `/api/initiatives/${initiativeId}/ledger`) });
  const refresh = () => void queries.invalidateQueries({ predicate: (query) => query.queryKey.includes(initiativeId) });

  const currency = initiative.data?.currency ?? DEFAULT_CURRENCY;
  const minor = minorUnitsPerMajor(currency);
  const chart = useMemo<ChartOption | null>(() => {
    if (!ledger.data) return null;
    const series = valueSeries(ledger.data, minor);
    return {
      grid: { left: 90, right: 16, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatMoney(value * minor, currency) },
      xAxis: { type: 'category', data: series.periods.map((period) => formatPeriod(period)) },
      yAxis: { type: 'value', name: currency, axisLabel: { formatter: (value: number) => formatMoneyShort(value * minor, currency) } },
      series: [
        { name: 'Planned', type: 'bar', data: series.planned, itemStyle: { color: COLOURS.planned } },
        { name: 'Forecast', type: 'line', data: series.forecast, itemStyle: { color: COLOURS.forecast }, lineStyle: { type: 'dashed' } },
        { name: 'Confirmed by finance', type: 'bar', data: series.confirmed, itemStyle: { color: COLOURS.confirmed } },
      ],
    };
  }, [ledger.data, minor, currency]);

  // A failed refresh keeps the last figures on screen (and every form as typed); only a first failure replaces the page.
  if (initiative.error && !initiative.data) {
    return (
      <Alert color="red" title="This initiative could not be shown" role="alert">
        {initiative.error instanceof ApiError ? `${initiative.error.message}. ${initiative.error.advice}` : String(initiative.error)}
      </Alert>
    );
  }
  const data = initiative.data;
  if (!data) return <Skeleton h={400} />;
  const gatesTo = (stage: number) => data.gates.filter((gate) => gate.targetStage === stage && gate.state === 'approved');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {data.code}
          </Text>
          <Title order={1}>{data.title}</Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color={STATUS_COLOURS[data.status] ?? "gray"} styles={{ label: { color: "#212529" } }}>{data.status.replace('_', ' ')}</Badge>
            {/* Execution can be done while value is not: a closure waits for finance's word, and may be turned down. */}
            {data.closure.state === 'pending_confirmation' && (
              <Badge variant="light" color="yellow" styles={{ label: { color: '#212529' } }}>
                closure awaiting finance
              </Badge>
            )}
            {data.closure.state === 'rejected' && (
              <Badge variant="light" color="red" styles={{ label: { color: '#212529' } }} title={data.closure.reason ?? undefined}>
                closure rejected{data.closure.reason ? `: ${data.closure.reason}` : ''}
              </Badge>
            )}
            <Text size="sm">
              DoI {data.stage} {STAGES[data.stage]?.name} · confirmed by finance{' '}
              <Anchor href="#confirmations" fw={700} aria-label={`${formatMoney(data.confirmedValue, currency)} confirmed: the confirmations`}>
                {formatMoney(data.confirmedValue, currency)}
              </Anchor>{' '}
              of {formatMoney(data.plannedValue, currency)} planned
            </Text>
          </Group>
        </div>
        {settings.data && (
          <Anchor href={`${settings.data.temporalUiUrl}/namespaces/${settings.data.temporalNamespace}/workflows/${data.workflowId}`} target="_blank" rel="noreferrer">
            Open the workflow in the Temporal UI
          </Anchor>
        )}
      </Group>

      {/* Every stage up to the current one is passed: the next one is where the initiative is heading. */}
      <Stepper active={data.stage + 1} size="sm" aria-label="Degree of implementation" allowNextStepsSelect={false}>
        {STAGES.map(({ stage, name }) => {
          const gate = gatesTo(stage)[0];
          return (
            <Stepper.Step
              key={stage}
              // The DoI's own number, not the step's position (which starts at 1).
              icon={String(stage)}
              label={`DoI ${stage} ${name}`}
              description={gate ? `${formatDay((gate.decidedAt ?? gate.submittedAt).slice(0, 10))} · ${gate.approvals.map((approval) => approval.by).join(' + ')}` : stage === 0 ? 'defined' : ''}
            />
          );
        })}
      </Stepper>

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder>
              <Title order={2} size="h4">
                Value per month
              </Title>
              {chart ? <Chart option={chart} height={260} label="Planned, forecast and confirmed value of the initiative per month" /> : <Skeleton h={260} />}
            </Card>
            <section aria-labelledby="confirmations">
              <Title order={2} size="h4" id="confirmations" mb="xs">
                Confirmations by finance
              </Title>
              {confirmations.error ? (
                <Text c="red.9">The confirmations could not be read: {String((confirmations.error as Error).message)}</Text>
              ) : !confirmations.data ? (
                <Skeleton h={60} />
              ) : confirmations.data.confirmations.length === 0 ? (
                <Text c="dimmed" size="sm">
                  No value confirmed yet: the confirmed figure stays at zero until a controller or the finance system confirms realized value.
                </Text>
              ) : (
                <Table withTableBorder aria-label="Confirmations by finance">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Month</Table.Th>
                      <Table.Th ta="right">Amount</Table.Th>
                      <Table.Th>Reference</Table.Th>
                      <Table.Th>Confirmed by</Table.Th>
                      <Table.Th>Reached the lifecycle</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {confirmations.data.confirmations.map((confirmation) => (
                      <Table.Tr key={confirmation.confirmationId}>
                        <Table.Td>{formatPeriod(confirmation.period)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(confirmation.amount, confirmation.currency)}</Table.Td>
                        <Table.Td>{confirmation.reference}</Table.Td>
                        <Table.Td>
                          {confirmation.controllerId} ({confirmation.source === 'api' ? 'in Tollgate' : 'finance system'}), {when(confirmation.confirmedAt)}
                        </Table.Td>
                        <Table.Td>{confirmation.delivery?.deliveredAt ? when(confirmation.delivery.deliveredAt) : confirmation.delivery?.state === 'lifecycle_ended' ? 'the lifecycle had ended' : 'on its way'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
            <section aria-labelledby="milestones">
              <Title order={2} size="h4" id="milestones" mb="xs">
                Milestones
              </Title>
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Milestone</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Done</Table.Th>
                    <Table.Th>Escalation</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.milestones.map((milestone) => (
                    <Table.Tr key={milestone.id}>
                      <Table.Td>{milestone.title}</Table.Td>
                      <Table.Td>{formatDay(milestone.dueDate)}</Table.Td>
                      <Table.Td>{milestone.completedAt ? `${when(milestone.completedAt)} by ${milestone.completedBy}` : 'open'}</Table.Td>
                      <Table.Td>{data.escalation?.milestoneId === milestone.id ? `level ${data.escalation.level}: ${ESCALATION[data.escalation.level]}` : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
            <section aria-labelledby="gates">
              <Title order={2} size="h4" id="gates" mb="xs">
                Gates, their evidence and keys
              </Title>
              {data.gates.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No gate requested yet.
                </Text>
              ) : (
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>To</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th>Evidence</Table.Th>
                      <Table.Th>Keys</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.gates.map((gate) => (
                      <Table.Tr key={gate.id}>
                        <Table.Td>DoI {gate.targetStage}</Table.Td>
                        <Table.Td>{gate.state}</Table.Td>
                        <Table.Td>{gate.evidence.text}</Table.Td>
                        <Table.Td>
                          {gate.approvals.map((approval) => `${approval.key}: ${approval.by}`).join(', ')}
                          {gate.rejection ? `rejected by ${gate.rejection.by}: ${gate.rejection.reason}` : ''}
                          {gate.missingKeys.length > 0 ? ` awaiting ${gate.missingKeys.join(', and ')}` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
            <section aria-labelledby="audit">
              <Title order={2} size="h4" id="audit" mb="xs">
                Audit trail
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                Newest first.
              </Text>
              <Timeline bulletSize={14} lineWidth={2} active={audit.data?.length ?? 0}>
                {[...(audit.data ?? [])].reverse().map((entry) => (
                  <Timeline.Item key={entry.revision} title={`${entry.action.replace(/_/g, ' ')} by ${entry.actorId}`}>
                    <Text size="xs" c="dimmed">
                      {when(entry.at)} · revision {entry.revision}
                    </Text>
                    {entry.reason && <Text size="sm">{entry.reason}</Text>}
                    {entry.evidence && <Text size="sm">Evidence: {entry.evidence.text}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Actions initiative={data} viewer={viewer} onDone={refresh} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
