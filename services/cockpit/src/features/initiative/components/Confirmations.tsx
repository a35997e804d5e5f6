import type { InitiativeConfirmationsView } from '@tollgate/contracts/views';
import { Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatInstant as when } from '../../../lib/format/instant';
import { formatMoney } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';

/** The confirmations by finance under the initiative's confirmed value, and when each reached the lifecycle. */
export function Confirmations({ confirmations }: { confirmations: UseQueryResult<InitiativeConfirmationsView> }) {
  return (
    <section aria-labelledby="confirmations">
      <Title order={2} size="h4" id="confirmations" mb="xs">
        Confirmations by finance
      </Title>
      {confirmations.error ? (
        <Text c="red.9">The confirmations could not be read: {String((confirmations.error as Error).message)}</Text>
      ) : !confirmations.data ? (
        <Skeleton h={60} />
      ) : confirmations.data.confirmations.length === 0 ? (
        <Text c="dimmed" size="sm">
          No value confirmed yet: the confirmed figure stays at zero until a controller or the finance system confirms realized value.
        </Text>
      ) : (
        <Table withTableBorder aria-label="Confirmations by finance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Confirmed by</Table.Th>
              <Table.Th>Reached the lifecycle</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {confirmations.data.confirmations.map((confirmation) => (
              <Table.Tr key={confirmation.confirmationId}>
                <Table.Td>{formatPeriod(confirmation.period)}</Table.Td>
                <Table.Td ta="right">{formatMoney(confirmation.amount, confirmation.currency)}</Table.Td>
                <Table.Td>{confirmation.reference}</Table.Td>
                <Table.Td>
                  {confirmation.controllerId} ({confirmation.source === 'api' ? 'in Tollgate' : 'finance system'}), {when(confirmation.confirmedAt)}
                </Table.Td>
                <Table.Td>{confirmation.delivery?.deliveredAt ? when(confirmation.delivery.deliveredAt) : confirmation.delivery?.state === 'lifecycle_ended' ? 'the lifecycle had ended' : 'on its way'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
