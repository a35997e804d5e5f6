import type { PortfolioValuesView, TargetWaterfallView } from '@tollgate/contracts/views';
import { Card, Skeleton, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../lib/charts/Chart';
import { Problem } from '../../../lib/feedback/Refusal';
import { formatMoneyShort } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';
import { cumulativeSeries } from '../chart-series';
import { COLOURS } from '../figure-colours';
import { monthlyMoneyFrame } from './monthly-money-frame';

/** Planned, forecast and confirmed value added up month by month against the target of the whole range. */
export function TowardTargetChart({ values, waterfall, currency, minor, from }: {
  values: UseQueryResult<PortfolioValuesView>;
  waterfall: UseQueryResult<TargetWaterfallView>;
  currency: string;
  minor: number;
  from: string;
}) {
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
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Toward the target
      </Title>
      <Text size="sm" c="dimmed">
        Planned, forecast and confirmed value added up month by month from {formatPeriod(from)}, against the target of the whole range: will the forecast reach it, and how much of it has finance confirmed?
      </Text>
      {cumulativeOption ? <Chart option={cumulativeOption} height={280} label="Cumulative value against the target" /> : values.error ? <Problem error={values.error} /> : <Skeleton h={280} />}
    </Card>
  );
}
