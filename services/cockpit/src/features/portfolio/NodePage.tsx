import { Button, Group, Loader, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Problem } from '../../lib/feedback/Refusal';
import { minorUnitsPerMajor, OFFERED_CURRENCIES } from '../../lib/format/money';
import { periodOf, shiftPeriod } from '../../lib/format/period';
import { useOrgNode } from '../hierarchy/api/get-org-node';
import { useProgramInitiatives } from '../initiative/api/get-initiatives';
import { useOffPlan } from './api/get-off-plan';
import { usePortfolioRealization } from './api/get-portfolio-realization';
import { usePortfolioSummary } from './api/get-portfolio-summary';
import { usePortfolioValues } from './api/get-portfolio-values';
import { useTargetWaterfall } from './api/get-target-waterfall';
import { ByStage } from './components/ByStage';
import { HeadlineFigures } from './components/HeadlineFigures';
import { NodesBelow } from './components/NodesBelow';
import { OffPlan } from './components/OffPlan';
import { ProgramInitiatives } from './components/ProgramInitiatives';
import { TowardTargetChart } from './components/TowardTargetChart';
import { ValueOverTimeChart } from './components/ValueOverTimeChart';
import { WaterfallChart } from './components/WaterfallChart';

/** A node of the hierarchy: what is off plan first, then the headline figures, the DoI waterfall and value over time. */
export function NodePage() {
  const { nodeId = '' } = useParams();
  const [currency, setCurrency] = useState<string>(DEFAULT_CURRENCY);
  const from = `${periodOf(new Date()).slice(0, 4)}-01`;
  const to = shiftPeriod(from, 23);

  const node = useOrgNode(nodeId);
  const summary = usePortfolioSummary(nodeId, currency);
  const realization = usePortfolioRealization(nodeId, currency);
  const offPlan = useOffPlan(nodeId);
  const values = usePortfolioValues(nodeId, currency, from, to);
  const waterfall = useTargetWaterfall(nodeId, currency, from, to);

  const program = node.data?.kind === 'program';
  const [defining, setDefining] = useState(false);
  const list = useProgramInitiatives(nodeId, program);

  const minor = minorUnitsPerMajor(currency);
  const made = `/nodes/${nodeId}/initiatives?currency=${currency}`;

  if (node.error && !node.data) return <Problem error={node.error} />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" c="dimmed">
            {node.data ? (node.data.kind === 'organization' ? 'Organization' : node.data.kind === 'business_unit' ? 'Business unit' : 'Program') : '\u00a0'}
          </Text>
          <Title order={1}>{node.data?.name ?? <Skeleton h={32} w={240} />}</Title>
        </div>
        <Group align="flex-end">
          <Button component={Link} to={`/nodes/${nodeId}/sop`} variant="light">
            S&OP review
          </Button>
          <Select label="Currency" data={OFFERED_CURRENCIES} value={currency} onChange={(value) => value && setCurrency(value)} w={110} allowDeselect={false} />
        </Group>
      </Group>

      <OffPlan offPlan={offPlan} nodeId={nodeId} />

      <HeadlineFigures summary={summary} realization={realization} waterfall={waterfall} currency={currency} from={from} to={to} made={made} />

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <WaterfallChart waterfall={waterfall} summary={summary} currency={currency} minor={minor} from={from} to={to} />
        <ValueOverTimeChart values={values} currency={currency} minor={minor} />
      </SimpleGrid>

      <TowardTargetChart values={values} waterfall={waterfall} currency={currency} minor={minor} from={from} />

      <ByStage summary={summary.data} nodeId={nodeId} currency={currency} />

      {program && <ProgramInitiatives nodeId={nodeId} list={list} defining={defining} setDefining={setDefining} />}

      {node.data?.children && node.data.children.length > 0 && <NodesBelow nodes={node.data.children} />}
      {summary.isLoading && <Loader size="xs" aria-label="Loading" />}
    </Stack>
  );
}
