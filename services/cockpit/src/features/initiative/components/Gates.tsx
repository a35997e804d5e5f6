import type { InitiativeView } from '@tollgate/contracts/views';
import { Table, Text, Title } from '@mantine/core';

/** Every gate of the initiative with its evidence and keys. */
export function Gates({ data }: { data: InitiativeView }) {
  return (
    <section aria-labelledby="gates">
      <Title order={2} size="h4" id="gates" mb="xs">
        Gates, their evidence and keys
      </Title>
      {data.gates.length === 0 ? (
        <Text size="sm" c="dimmed">
          No gate requested yet.
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>To</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Evidence</Table.Th>
              <Table.Th>Keys</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.gates.map((gate) => (
              <Table.Tr key={gate.id}>
                <Table.Td>DoI {gate.targetStage}</Table.Td>
                <Table.Td>{gate.state}</Table.Td>
                <Table.Td>{gate.evidence.text}</Table.Td>
                <Table.Td>
                  {gate.approvals.map((approval) => `${approval.key}: ${approval.by}`).join(', ')}
                  {gate.rejection ? `rejected by ${gate.rejection.by}: ${gate.rejection.reason}` : ''}
                  {gate.missingKeys.length > 0 ? ` awaiting ${gate.missingKeys.join(', and ')}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
