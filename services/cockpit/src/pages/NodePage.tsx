import { Anchor, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ValueCells, ValueHeads } from '../figures/ValueColumns';
import { InitiativeLink } from '../links/InitiativeLink';
import { Link, useParams } from 'react-router-dom';
import { DEFAULT_CURRENCY, STAGES } from '@tollgate/domain';
import { call } from '../api/client';
import type { InitiativePageView, OrgNodeWithChildrenView, PhantomProgressView, PortfolioRealizationView, PortfolioSummaryView, PortfolioValuesView, TargetWaterfallView } from '@tollgate/contracts/views';
import { currentSession } from '../api/session';
import { Problem } from '../feedback/Refusal';
import { NewInitiativeForm } from './NewInitiativeForm';
import { Chart, type ChartOption } from '../charts/Chart';
import { cumulativeSeries, valueSeriesByStage, waterfallBars } from '../charts/chart-data';
import { formatMoney, formatMoneyShort, formatRate, minorUnitsPerMajor, OFFERED_CURRENCIES } from '../format/money';
import { formatDuration, formatPeriod, periodOf, shiftPeriod } from '../format/period';

// Finance's word stands apart from plan and forecast in every chart: its own colour, never stacked on them.
// Each at least 4.5:1 on white, as the figures are written in them too.
const COLOURS = { planned: '#3b5bdb', forecast: '#b35900', confirmed: '#1e6b30', gap: '#c92a2a', surplus: '#2f9e44', target: '#495057' };
// Planned value by stage in shades of the plan's blue, lighter while less certain.
const STAGE_SHADES = ['#c5d0fa', '#9fb0f4', '#748ffc', '#4c6ef5', '#3b5bdb', '#2b3f9e'];
const REASONS: Record<string, string> = {
  implemented_unconfirmed: 'implemented, nothing confirmed by finance yet',
  on_track_forecast_under_plan: 'reported on track while the forecast is under plan',
};

function stageLabel(stage: number): string {
  return `DoI ${stage} ${STAGES[stage]?.name ?? ''}`.trim();
}

function Figure({ label, value, hint, colour, to }: { label: string; value: string; hint?: string; colour?: string; to?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {/* A figure with `to` leads to what it is made of. */}
      {to ? (
        <Anchor component={Link} to={to} size="xl" fw={700} c={colour} data-figure={label} aria-label={`${label} ${value}: the initiatives it is made of`} style={{ display: 'block' }}>
          {value}
        </Anchor>
      ) : (
        <Text size="xl" fw={700} c={colour} data-figure={label}>
          {value}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** A chart of money per month: months along, amounts up, a legend above taking `legendHeight` of it. */
function monthlyMoneyFrame(periods: string[], minor: number, currency: string, legendHeight: number) {
  return {
    grid: { left: 90, right: 16, top: legendHeight, bottom: 40 },
    legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatMoney(value * minor, currency) },
    xAxis: { type: 'category', data: periods.map((period) => formatPeriod(period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoneyShort(value * minor, currency) } },
  };
}

/** A node of the hierarchy: what is off plan first, then the headline figures, the DoI waterfall and value over time. */
export function NodePage() {
  const { nodeId = '' } = useParams();
  const [currency, setCurrency] = useState<string>(DEFAULT_CURRENCY);
  const from = `${periodOf(new Date()).slice(0, 4)}-01`;
  const to = shiftPeriod(from, 23);
  const query = `orgNodeId=${encodeURIComponent(nodeId)}&currency=${currency}`;

  const node = useQuery({ queryKey: ['org-node', nodeId], queryFn: () => call<OrgNodeWithChildrenView>('plans', `/api/org-nodes/${nodeId}`) });
  const summary = useQuery({ queryKey: ['summary', nodeId, currency], queryFn: () => call<PortfolioSummaryView>('plans', `/api/portfolio/summary?${query}`) });
  const realization = useQuery({ queryKey: ['realization', nodeId, currency], queryFn: () => call<PortfolioRealizationView>('plans', `/api/portfolio/realization?${query}`) });
  const phantom = useQuery({ queryKey: ['phantom', nodeId, currency], queryFn: () => call<PhantomProgressView>('plans', `/api/portfolio/phantom-progress?${query}`) });
  const values = useQuery({ queryKey: ['values', nodeId, currency, from], queryFn: () => call<PortfolioValuesView>('plans', `/api/portfolio/values?${query}&from=${from}&to=${to}&by=stage`) });
  const waterfall = useQuery({ queryKey: ['waterfall', nodeId, currency, from], queryFn: () => call<TargetWaterfallView>('plans', `/api/portfolio/waterfall?${query}&from=${from}&to=${to}`) });

  const program = node.data?.kind === 'program';
  const roles = currentSession()?.person.roles ?? [];
  // Owners define initiatives; the PMO and admins may on their behalf. A viewer is not offered the form.
  const defines = roles.some((role) => role === 'owner' || role === 'pmo' || role === 'admin');
  const [defining, setDefining] = useState(false);
  const list = useQuery({
    queryKey: ['initiatives', nodeId],
    queryFn: () => call<InitiativePageView>('initiatives', `/api/initiatives?programId=${encodeURIComponent(nodeId)}&pageSize=200`),
    enabled: program,
  });

  const minor = minorUnitsPerMajor(currency);
  const made = `/nodes/${nodeId}/initiatives?currency=${currency}`;
  const money = (amount: number | null | undefined) => (amount === null || amount === undefined ? 'n/a' : formatMoney(amount, currency));

  const waterfallOption = useMemo<ChartOption | null>(() => {
    if (!waterfall.data) return null;
    const bars = waterfallBars(waterfall.data, minor, stageLabel);
    return {
      grid: { left: 90, right: 16, top: 24, bottom: 56 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => formatMoney(value * minor, currency) },
      xAxis: { type: 'category', data: bars.labels, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', name: currency, axisLabel: { formatter: (value: number) => formatMoneyShort(value * minor, currency) } },
      series: [
        { name: 'base', type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, tooltip: { show: false }, data: bars.base },
        {
          name: 'Value',
          type: 'bar',
          stack: 'waterfall',
          data: bars.rise.map((rise, index) => ({
            value: rise,
            itemStyle: { color: bars.kind[index] === 'stage' ? (index === 1 ? COLOURS.confirmed : COLOURS.planned) : COLOURS[bars.kind[index] as 'target' | 'gap' | 'surplus'] },
          })),
          // What the owners forecast, against the target and the plan: the gap that matters.
          ...(summary.data
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: COLOURS.forecast, type: 'dashed' },
                  label: { formatter: `Forecast ${formatMoneyShort(summary.data.total.forecast, currency)}`, position: 'insideEndTop', color: COLOURS.forecast },
                  data: [{ yAxis: summary.data.total.forecast / minor }],
                },
              }
            : {}),
        },
      ],
    };
  }, [waterfall.data, summary.data, minor, currency]);

  const cumulativeOption = useMemo<ChartOption | null>(() => {
    if (!values.data || !waterfall.data) return null;
    const target = waterfall.data.targetPlanId ? waterfall.data.steps[0].amount : null;
    const series = cumulativeSeries(values.data, minor, target);
    const line = (name: string, data: number[], colour: string, dashed = false) => ({ name, type: 'line', data, showSymbol: false, itemStyle: { color: colour }, lineStyle: { color: colour, ...(dashed ? { type: 'dashed' } : {}) } });
    return {
      ...monthlyMoneyFrame(series.periods, minor, currency, 40),
      series: [
        { ...line('Planned, cumulative', series.planned, COLOURS.planned), ...(series.target === null ? {} : { markLine: { symbol: 'none', silent: true, lineStyle: { color: COLOURS.target }, label: { formatter: `Target ${formatMoneyShort(series.target * minor, currency)}`, position: 'insideStartTop' }, data: [{ yAxis: series.target }] } }) },
        line('Forecast, cumulative', series.forecast, COLOURS.forecast, true),
        line('Confirmed by finance, cumulative', series.confirmed, COLOURS.confirmed),
      ],
    };
  }, [values.data, waterfall.data, minor, currency]);

  const valuesOption = useMemo<ChartOption | null>(() => {
    if (!values.data) return null;
    const series = valueSeriesByStage(values.data, minor);
    return {
      // Every series named in a legend that wraps: a scrolling one hides the stages a reader looks for.
      ...monthlyMoneyFrame(series.periods, minor, currency, 92),
      series: [
        // Planned value stacked by the stage it stands at; confirmed value in a bar of its own beside it, never on the stack.
        ...series.plannedByStage.map(({ stage, planned }) => ({
          name: `Planned at DoI ${stage}`,
          type: 'bar',
          stack: 'planned',
          data: planned,
          itemStyle: { color: STAGE_SHADES[stage] },
        })),
        { name: 'Forecast', type: 'line', data: series.forecast, itemStyle: { color: COLOURS.forecast }, lineStyle: { type: 'dashed' } },
        { name: 'Confirmed by finance', type: 'bar', data: series.confirmed, itemStyle: { color: COLOURS.confirmed } },
      ],
    };
  }, [values.data, minor, currency]);

  if (node.error && !node.data) return <Problem error={node.error} />;
  const target = waterfall.data?.steps[0]?.amount ?? 0;

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

      <section aria-labelledby="off-plan">
        <Title order={2} size="h3" id="off-plan">
          Off plan
        </Title>
        {phantom.error ? (
          <Problem error={phantom.error} />
        ) : !phantom.data ? (
          <Skeleton h={60} />
        ) : phantom.data.initiatives.length === 0 ? (
          <Text c="dimmed">
            Nothing under this node is off plan: no implemented initiative has waited longer than {formatDuration(phantom.data.unconfirmedAfter)} for value confirmed by finance, and no initiative reported on
            track has a forecast under its plan.
          </Text>
        ) : (
          <>
          {phantom.data.total > phantom.data.initiatives.length && (
            <Text size="sm" c="red.9" fw={600} mb={4}>
              {phantom.data.total.toLocaleString('en-GB')} initiatives are off plan; the {phantom.data.initiatives.length} with the widest gap between plan and forecast are listed.
            </Text>
          )}
          <Table striped withTableBorder aria-label="Initiatives off plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">Planned</Table.Th>
                <Table.Th ta="right">Confirmed</Table.Th>
                <Table.Th>Why it is here</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {phantom.data.initiatives.map((initiative) => (
                <Table.Tr key={initiative.initiativeId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/initiatives/${initiative.initiativeId}`}>
                      {initiative.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{stageLabel(initiative.stage)}</Table.Td>
                  <Table.Td>{initiative.ownerId}</Table.Td>
                  <Table.Td ta="right">{money(initiative.planned)}</Table.Td>
                  <Table.Td ta="right">{money(initiative.confirmed)}</Table.Td>
                  <Table.Td>{initiative.reasons.map((reason) => REASONS[reason] ?? reason).join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </>
        )}
      </section>

      <section aria-labelledby="figures">
        <Title order={2} size="h3" id="figures" mb="xs">
          Headline figures
        </Title>
        {summary.error ? (
          <Problem error={summary.error} />
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Figure label="Target" value={waterfall.data ? formatMoneyShort(target, currency) : '…'} hint={`${formatPeriod(from)} to ${formatPeriod(to)}`} />
            <Figure label="Planned" to={made} value={summary.data ? formatMoneyShort(summary.data.total.planned, currency) : '…'} hint={summary.data ? `${summary.data.total.count} ${summary.data.total.count === 1 ? 'initiative' : 'initiatives'}` : undefined} colour={COLOURS.planned} />
            <Figure label="Forecast" to={made} value={summary.data ? formatMoneyShort(summary.data.total.forecast, currency) : '…'} colour={COLOURS.forecast} />
            <Figure label="Confirmed" to={made} value={summary.data ? formatMoneyShort(summary.data.total.confirmed, currency) : '…'} hint="confirmed by finance" colour={COLOURS.confirmed} />
            <Figure label="Benefit realization" value={realization.data ? formatRate(realization.data.benefitRealizationRate) : '…'} hint="confirmed ÷ baseline" />
            <Figure label="Leakage" value={realization.data ? (realization.data.leakage === null ? 'n/a' : formatMoneyShort(realization.data.leakage, currency)) : '…'} hint="baseline − confirmed, closed" />
          </SimpleGrid>
        )}
      </section>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4">
            DoI waterfall
          </Title>
          <Text size="sm" c="dimmed">
            From the target to what is missing (or planned beyond it): value at each stage, the closed stage at confirmed value.
          </Text>
          {waterfall.data && !waterfall.data.targetPlanId && (
            <Text size="sm" c="dimmed" mt="xs">
              This node has no plan of record with a target for {formatPeriod(from)} to {formatPeriod(to)}: all the stages hold shows as planned beyond a target of zero.
            </Text>
          )}
          {waterfallOption ? <Chart option={waterfallOption} height={300} label="DoI waterfall from target to gap" /> : waterfall.error ? <Problem error={waterfall.error} /> : <Skeleton h={300} />}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">
            Value over time
          </Title>
          <Text size="sm" c="dimmed">
            Planned value stacked by the stage it stands at, the forecast, and beside them what finance confirmed, per month.
          </Text>
          {valuesOption ? <Chart option={valuesOption} height={300} label="Planned, forecast and confirmed value per month" /> : values.error ? <Problem error={values.error} /> : <Skeleton h={300} />}
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} size="h4">
          Toward the target
        </Title>
        <Text size="sm" c="dimmed">
          Planned, forecast and confirmed value added up month by month from {formatPeriod(from)}, against the target of the whole range: will the forecast reach it, and how much of it has finance confirmed?
        </Text>
        {cumulativeOption ? <Chart option={cumulativeOption} height={280} label="Cumulative value against the target" /> : values.error ? <Problem error={values.error} /> : <Skeleton h={280} />}
      </Card>

      <section aria-labelledby="by-stage">
        <Title order={2} size="h3" id="by-stage" mb="xs">
          By stage
        </Title>
        {summary.data ? (
          <Table withTableBorder aria-label="Initiatives by stage">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Stage (execution)</Table.Th>
                <Table.Th ta="right">Initiatives</Table.Th>
                <ValueHeads />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.data.byStage.map((row) => (
                <Table.Tr key={row.stage}>
                  <Table.Td>{stageLabel(row.stage)}</Table.Td>
                  <Table.Td ta="right">
                    <Anchor component={Link} to={`/nodes/${nodeId}/initiatives?stage=${row.stage}&currency=${currency}`} aria-label={`${row.count} at ${stageLabel(row.stage)}: the initiatives`}>
                      {row.count}
                    </Anchor>
                  </Table.Td>
                  <ValueCells planned={row.planned} forecast={row.forecast} confirmed={row.confirmed} currency={currency} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Skeleton h={200} />
        )}
      </section>

      {program && (
        <section aria-labelledby="initiatives">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h3" id="initiatives">
              Initiatives
            </Title>
            {defines && (
              <Button variant={defining ? 'subtle' : 'filled'} onClick={() => setDefining(!defining)}>
                {defining ? 'Close the form' : 'Define an initiative'}
              </Button>
            )}
          </Group>
          {defines && defining && (
            <div style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
              <NewInitiativeForm programId={nodeId} />
            </div>
          )}
          {list.error ? (
            <Problem error={list.error} />
          ) : !list.data ? (
            <Skeleton h={120} />
          ) : list.data.items.length === 0 ? (
            <Text c="dimmed">No initiative in this program yet.</Text>
          ) : (
            <Table striped withTableBorder aria-label="Initiatives of the program">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Initiative</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Planned</Table.Th>
                  <Table.Th ta="right">Confirmed by finance</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <InitiativeLink initiative={item} />
                    </Table.Td>
                    <Table.Td>{stageLabel(item.stage)}</Table.Td>
                    <Table.Td>{item.status.replace('_', ' ')}</Table.Td>
                    <Table.Td ta="right">{formatMoney(item.plannedValue, item.currency)}</Table.Td>
                    <Table.Td ta="right" c={COLOURS.confirmed} fw={600}>
                      {formatMoney(item.confirmedValue, item.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      )}

      {node.data?.children && node.data.children.length > 0 && (
        <section aria-labelledby="below">
          <Title order={2} size="h3" id="below" mb="xs">
            Below this node
          </Title>
          <Group gap="xs">
            {node.data.children.map((child) => (
              <Anchor key={child.id} component={Link} to={`/nodes/${child.id}`}>
                <Badge variant="light" size="lg" style={{ cursor: 'pointer' }}>
                  {child.name}
                </Badge>
              </Anchor>
            ))}
          </Group>
        </section>
      )}
      {summary.isLoading && <Loader size="xs" aria-label="Loading" />}
    </Stack>
  );
}
