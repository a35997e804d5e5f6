import { Button, Card, Grid, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Problem } from '../../lib/feedback/Refusal';
import { formatInstant } from '../../lib/format/instant';
import { formatPeriod } from '../../lib/format/period';
import { NodeCrumb } from '../../lib/links/NodeCrumb';
import { useOrgNode } from '../hierarchy/api/get-org-node';
import { currentViewer } from '../initiative/initiative-rights';
import { useForecastAccuracy } from './api/get-forecast-accuracy';
import { useMattersArising } from './api/get-matters-arising';
import { useSopActions } from './api/get-sop-actions';
import { usePlanOfRecord } from './api/get-plan-of-record';
import { useSopAgenda } from './api/get-sop-agenda';
import { useSopCycle } from './api/get-sop-cycle';
import { useSopCycles } from './api/get-sop-cycles';
import { Agenda } from './components/Agenda';
import { CycleActions } from './components/CycleActions';
import { CycleStart } from './components/CycleStart';
import { Decisions } from './components/Decisions';
import { DemandCapacity } from './components/DemandCapacity';
import { Escalations } from './components/Escalations';
import { ForecastAccuracy } from './components/ForecastAccuracy';
import { MattersArising } from './components/MattersArising';
import { Pivots } from './components/Pivots';
import { Steps } from './components/Steps';
import { ValueForecastAccuracy } from './components/ValueForecastAccuracy';
import { SOP_STEP_NAMES } from './sop-names';

/** The S&OP review room of a node: the cycle's steps, its agenda of exceptions, the pivots, the decisions; demand, capacity and accuracy beside. */
export function SopReviewPage() {
  const { nodeId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const me = currentViewer();
  const node = useOrgNode(nodeId);
  const cycles = useSopCycles(nodeId);
  const cycleId = search.get('cycle') ?? cycles.data?.cycles[0]?.id ?? null;
  const cycle = useSopCycle(cycleId);
  const agenda = useSopAgenda(cycleId);
  const plan = usePlanOfRecord(nodeId);
  const accuracy = useForecastAccuracy(nodeId);
  const matters = useMattersArising(cycleId);
  const actions = useSopActions({ cycleId: cycleId ?? undefined, status: 'all' }, cycleId !== null);
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
        <Group align="flex-end">
        <Button component={Link} to={`/nodes/${nodeId}/decisions`} variant="light">
          Decision log
        </Button>
        {cycleId && (cycle.data?.step === 'executive_sop' || cycle.data?.step === 'published') && (
          <Button component={Link} to={`/cycles/${encodeURIComponent(cycleId)}/pre-read`} variant="light">
            Pre-read
          </Button>
        )}
        {cycleId && cycle.data?.step === 'published' && (
          <Button component={Link} to={`/cycles/${encodeURIComponent(cycleId)}/minutes`} variant="light">
            Minutes
          </Button>
        )}
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
            {cycleId && <MattersArising matters={matters} me={me} currency={currency} />}
            {cycle.error ? <Problem error={cycle.error} /> : cycle.data ? <Steps cycle={cycle.data} me={me} /> : cycleId && <Skeleton h={220} />}
            {agenda.error ? <Problem error={agenda.error} /> : cycle.data && agenda.data ? <Agenda cycle={cycle.data} agenda={agenda.data} currency={currency} me={me} /> : cycleId && <Skeleton h={300} />}
            {cycle.data && agenda.data && <Escalations cycle={cycle.data} agenda={agenda.data} />}
            {cycle.data && agenda.data && <Pivots cycle={cycle.data} agenda={agenda.data} me={me} />}
            {cycle.data && <Decisions cycle={cycle.data} me={me} currency={currency} />}
            {cycleId && <CycleActions actions={actions} me={me} currency={currency} />}
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
            {accuracy.data ? <ForecastAccuracy accuracy={accuracy.data} /> : accuracy.isLoading ? <Skeleton h={160} /> : null}
            <ValueForecastAccuracy nodeId={nodeId} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
