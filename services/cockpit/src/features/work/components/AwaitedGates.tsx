import type { AwaitedGatesView } from '@tollgate/contracts/views';
import { Anchor, Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { STAGES } from '@tollgate/domain';
import { Link } from 'react-router-dom';
import { Failure } from './Failure';

/** The pending gate requests that await the person's key, each leading to its initiative. */
export function AwaitedGates({ gates }: { gates: UseQueryResult<AwaitedGatesView> }) {
  return (
    <section aria-labelledby="awaiting-key">
      <Title order={2} size="h3" id="awaiting-key" mb="xs">
        Gate requests awaiting your key
      </Title>
      {gates.error ? (
        <Failure error={gates.error} />
      ) : !gates.data ? (
        <Skeleton h={80} />
      ) : gates.data.items.length === 0 ? (
        <Text c="dimmed">No gate request awaits your key.</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Initiative</Table.Th>
              <Table.Th>Gate to</Table.Th>
              <Table.Th>Requested by</Table.Th>
              <Table.Th>Still needed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gates.data.items.map((gate) => (
              <Table.Tr key={`${gate.initiativeId}-${gate.targetStage}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/initiatives/${gate.initiativeId}`}>
                    {gate.code} {gate.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  DoI {gate.targetStage} {STAGES[gate.targetStage]?.name}
                </Table.Td>
                <Table.Td>{gate.submittedBy}</Table.Td>
                <Table.Td>{gate.missingKeys.join(', and ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
