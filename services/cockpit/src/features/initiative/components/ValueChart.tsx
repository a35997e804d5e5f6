import type { InitiativeLedgerView } from '@tollgate/contracts/views';
import { Card, Skeleton, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../lib/charts/Chart';
import { formatMoney, formatMoneyShort } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';
import { valueSeries } from '../value-series';

const COLOURS = { planned: '#3b5bdb', forecast: '#b35900', confirmed: '#1e6b30' };

/** Value per month from the finance ledger: planned and forecast beside confirmed. */
export function ValueChart({ ledger, currency, minor }: { ledger: InitiativeLedgerView | undefined; currency: string; minor: number }) {
  const chart = useMemo<ChartOption | null>(() => {
    if (!ledger) return null;
    const series = valueSeries(ledger, minor);
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
  }, [ledger, minor, currency]);
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Value per month
      </Title>
      {chart ? <Chart option={chart} height={260} label="Planned, forecast and confirmed value of the initiative per month" /> : <Skeleton h={260} />}
    </Card>
  );
}
