import type { InitiativePageView } from '@tollgate/contracts/views';
import { Button, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Problem } from '../../../lib/feedback/Refusal';
import { formatMoney } from '../../../lib/format/money';
import { stageLabel } from '../../../lib/format/stage';
import { InitiativeLink } from '../../../lib/links/InitiativeLink';
import { currentSession } from '../../../lib/session';
import { NewInitiativeForm } from '../../initiative/components/NewInitiativeForm';
import { COLOURS } from '../figure-colours';

/** A program's initiatives, each a link to its page, and for an owner (or PMO, admin) the form to define a new one. */
export function ProgramInitiatives({ nodeId, list, defining, setDefining }: { nodeId: string; list: UseQueryResult<InitiativePageView>; defining: boolean; setDefining: (defining: boolean) => void }) {
  const roles = currentSession()?.person.roles ?? [];
  // Owners define initiatives; the PMO and admins may on their behalf. A viewer is not offered the form.
  const defines = roles.some((role) => role === 'owner' || role === 'pmo' || role === 'admin');
  return (
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
  );
}
