import type { PlanView } from '@tollgate/contracts/views';
import { Card, Select, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Chart, type ChartOption } from '../../../lib/charts/Chart';
import { formatPeriod } from '../../../lib/format/period';
import { formatVolume } from '../../../lib/format/volume';
import { demandCapacitySeries } from '../demand-capacity';

const COLOURS = { demand: '#3b5bdb', capacity: '#495057', shortfall: '#c92a2a' };

/** Demand against capacity per family and month from the plan of record, the shortfall in red. */
export function DemandCapacity({ plan, period }: { plan: PlanView; period: string }) {
  const series = useMemo(() => demandCapacitySeries(plan), [plan]);
  const [family, setFamily] = useState<string | null>(null);
  const shown = series.families.find((candidate) => candidate.family === family) ?? series.families.find((candidate) => candidate.shortfall.some((gap) => gap > 0)) ?? series.families[0];
  const option = useMemo<ChartOption | null>(
    () =>
      shown
        ? {
            grid: { left: 60, right: 12, top: 36, bottom: 40 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatVolume(value) },
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
                    <Table.Td ta="right">{formatVolume(row.demand[inPeriod])}</Table.Td>
                    <Table.Td ta="right">{formatVolume(row.capacity[inPeriod])}</Table.Td>
                    <Table.Td ta="right" c={row.shortfall[inPeriod] > 0 ? 'red.9' : undefined} fw={row.shortfall[inPeriod] > 0 ? 700 : undefined}>
                      {row.shortfall[inPeriod] > 0 ? formatVolume(row.shortfall[inPeriod]) : '—'}
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
