import type { PortfolioValuesView } from '@tollgate/contracts/views';
import { Card, Skeleton, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../lib/charts/Chart';
import { Problem } from '../../../lib/feedback/Refusal';
import { valueSeriesByStage } from '../chart-series';
import { COLOURS, STAGE_SHADES } from '../figure-colours';
import { monthlyMoneyFrame } from './monthly-money-frame';

/** Planned value per month stacked by the stage it stands at, the forecast, and beside them what finance confirmed. */
export function ValueOverTimeChart({ values, currency, minor }: { values: UseQueryResult<PortfolioValuesView>; currency: string; minor: number }) {
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
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Value over time
      </Title>
      <Text size="sm" c="dimmed">
        Planned value stacked by the stage it stands at, the forecast, and beside them what finance confirmed, per month.
      </Text>
      {valuesOption ? <Chart option={valuesOption} height={300} label="Planned, forecast and confirmed value per month" /> : values.error ? <Problem error={values.error} /> : <Skeleton h={300} />}
    </Card>
  );
}
