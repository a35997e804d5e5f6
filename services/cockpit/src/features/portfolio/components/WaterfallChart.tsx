import type { PortfolioSummaryView, TargetWaterfallView } from '@tollgate/contracts/views';
import { Card, Skeleton, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../lib/charts/Chart';
import { Problem } from '../../../lib/feedback/Refusal';
import { formatMoney, formatMoneyShort } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';
import { stageLabel } from '../../../lib/format/stage';
import { waterfallBars } from '../chart-series';
import { COLOURS } from '../figure-colours';

/** The DoI waterfall from the node's target to what is missing, with the owners' forecast marked against it. */
export function WaterfallChart({ waterfall, summary, currency, minor, from, to }: {
  waterfall: UseQueryResult<TargetWaterfallView>;
  summary: UseQueryResult<PortfolioSummaryView>;
  currency: string;
  minor: number;
  from: string;
  to: string;
}) {
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
  return (
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
  );
}
