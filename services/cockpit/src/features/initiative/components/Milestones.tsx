import type { InitiativeView } from '@tollgate/contracts/views';
import { Table, Title } from '@mantine/core';
import { formatDay, formatInstant as when } from '../../../lib/format/instant';

const ESCALATION = { 1: 'owner asked for a mitigation', 2: 'sponsor brought in', 3: 'steering committee' } as const;

/** The milestones with their due dates, completion and escalation level. */
export function Milestones({ data }: { data: InitiativeView }) {
  return (
    <section aria-labelledby="milestones">
      <Title order={2} size="h4" id="milestones" mb="xs">
        Milestones
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Done</Table.Th>
            <Table.Th>Escalation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.milestones.map((milestone) => (
            <Table.Tr key={milestone.id}>
              <Table.Td>{milestone.title}</Table.Td>
              <Table.Td>{formatDay(milestone.dueDate)}</Table.Td>
              <Table.Td>{milestone.completedAt ? `${when(milestone.completedAt)} by ${milestone.completedBy}` : 'open'}</Table.Td>
              <Table.Td>{data.escalation?.milestoneId === milestone.id ? `level ${data.escalation.level}: ${ESCALATION[data.escalation.level]}` : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
