import type { ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { Card, Table, Text, Title } from '@mantine/core';
import { formatRate } from '../../../lib/format/money';

const signed = (rate: number | null) => (rate === null ? 'n/a' : `${rate > 0 ? '+' : ''}${formatRate(rate)}`);

/**
 * Whose value forecasts can be trusted: each owner's forecasts as the cycles
 * recorded them, one, three and six months ahead, against the value finance
 * confirmed; weighted MAPE and bias (above zero: promised more than came).
 */
export function ValueForecastAccuracy({ accuracy }: { accuracy: ValueForecastAccuracyView }) {
  const owners = [...new Set(accuracy.rows.map((row) => row.by))];
  const cell = (by: string, horizon: number) => accuracy.rows.find((row) => row.by === by && row.horizon === horizon);
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Value forecasts by owner
      </Title>
      <Text size="xs" c="dimmed">
        Each owner's forecast as the reviews recorded it, against the value finance confirmed: weighted MAPE, and bias (above zero: promised more than came).
      </Text>
      {owners.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          No recorded forecast has come due yet: each pre-S&OP records them, and a month is judged once it is over.
        </Text>
      ) : (
        <Table aria-label="Value forecast accuracy by owner" fz="sm" style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Owner</Table.Th>
              {accuracy.horizons.map((horizon) => (
                <Table.Th key={horizon} ta="right">
                  {horizon === 1 ? '1 month ahead' : `${horizon} months ahead`}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {owners.map((by) => (
              <Table.Tr key={by}>
                <Table.Td>{by}</Table.Td>
                {accuracy.horizons.map((horizon) => {
                  const judged = cell(by, horizon);
                  return (
                    <Table.Td key={horizon} ta="right" title={judged ? `${judged.periods} months judged; MAPE ${formatRate(judged.mape)}` : undefined}>
                      {!judged ? '—' : judged.wmape === null ? 'nothing confirmed' : `${formatRate(judged.wmape)} · ${signed(judged.bias)}`}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
