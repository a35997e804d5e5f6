import type { InitiativeForecastRecordView } from '@tollgate/contracts/views';
import { Group, Table, Text, Title } from '@mantine/core';
import { formatMoney, formatRate } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';

/** What each measure was expected to bring that month; a month forecast at nothing has no share to show. */
function measuresOf(row: InitiativeForecastRecordView['recorded'][number], unit: string): string {
  if (row.measures.length > 0) return row.measures.map((measure) => `${measure.name} ${formatMoney(measure.forecast, unit)}`).join(' · ');
  return row.forecast === 0 ? '—' : 'not recorded by measure';
}

/** Judged months shown; the accuracy counts them all. */
const LISTED = 12;

/**
 * How good this initiative's value forecasts proved: what each S&OP review
 * recorded for a month, beside what finance confirmed for it, and the
 * weighted error and bias one, three and six months ahead.
 */
export function RecordedForecasts({ record, currency }: { record: InitiativeForecastRecordView | undefined; currency: string }) {
  if (!record || record.recorded.length === 0) return null;
  const unit = record.currency ?? currency;
  const judged = record.recorded.filter((row) => row.judged).slice(-LISTED);
  return (
    <section aria-labelledby="recorded-forecasts">
      <Title order={2} size="h3" id="recorded-forecasts">
        Forecasts the reviews recorded
      </Title>
      <Group gap="lg" my="xs">
        {record.accuracy.length === 0 ? (
          <Text size="sm" c="dimmed">
            No recorded month is over yet: each is judged against confirmed value once it is.
          </Text>
        ) : (
          record.accuracy.map((row) => (
            <Text key={row.horizon} size="sm">
              {row.horizon === 1 ? '1 month ahead' : `${row.horizon} months ahead`}:{' '}
              <b>{row.wmape === null ? 'nothing confirmed' : `${formatRate(row.wmape)} off, bias ${row.bias !== null && row.bias > 0 ? '+' : ''}${formatRate(row.bias)}`}</b>
            </Text>
          ))
        )}
      </Group>
      {judged.length > 0 && (
        <Table withTableBorder aria-label="Recorded forecasts against confirmed value" fz="sm" w="auto">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th>Recorded in</Table.Th>
              <Table.Th ta="right">Forecast</Table.Th>
              <Table.Th ta="right">Confirmed by finance</Table.Th>
              <Table.Th>Forecast by measure</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {judged.map((row) => (
              <Table.Tr key={`${row.period}:${row.recordedIn}`}>
                <Table.Td>{formatPeriod(row.period)}</Table.Td>
                <Table.Td>{formatPeriod(row.recordedIn)}</Table.Td>
                <Table.Td ta="right">{formatMoney(row.forecast, unit)}</Table.Td>
                <Table.Td ta="right">{formatMoney(row.confirmed, unit)}</Table.Td>
                <Table.Td c={row.measures.length === 0 ? 'dimmed' : undefined}>{measuresOf(row, unit)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
