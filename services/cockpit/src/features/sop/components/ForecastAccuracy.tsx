import type { ForecastAccuracyView } from '@tollgate/contracts/views';
import { Card, Table, Text, Title } from '@mantine/core';
import { formatRate } from '../../../lib/format/money';

/** Forecast accuracy per family: MAPE, weighted MAPE and bias. */
export function ForecastAccuracy({ accuracy }: { accuracy: ForecastAccuracyView }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Forecast accuracy
      </Title>
      <Text size="xs" c="dimmed">
        The plan of record's demand against actual demand. Bias above zero: the plan over-forecasts.
      </Text>
      {accuracy.families.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          No actual demand has been posted for a month the plan forecasts.
        </Text>
      ) : (
        // The side column is narrow: the table scrolls within its card rather than spill over the page.
        <Table.ScrollContainer minWidth={320}>
          <Table aria-label="Forecast accuracy per family" fz="sm" horizontalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Family</Table.Th>
                <Table.Th ta="right">MAPE</Table.Th>
                <Table.Th ta="right">
                  <abbr title="weighted MAPE">wMAPE</abbr>
                </Table.Th>
                <Table.Th ta="right">Bias</Table.Th>
                <Table.Th ta="right">Months</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accuracy.families.map((family) => (
                <Table.Tr key={family.family}>
                  <Table.Td>{family.family}</Table.Td>
                  <Table.Td ta="right">{formatRate(family.mape)}</Table.Td>
                  <Table.Td ta="right">{formatRate(family.wmape)}</Table.Td>
                  <Table.Td ta="right">{family.bias === null ? 'n/a' : `${family.bias > 0 ? '+' : ''}${formatRate(family.bias)}`}</Table.Td>
                  <Table.Td ta="right">{family.points.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
