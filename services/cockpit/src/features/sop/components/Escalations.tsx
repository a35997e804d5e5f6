import type { SopAgendaView, SopCycleView } from '@tollgate/contracts/views';
import { Table, Title } from '@mantine/core';
import { formatInstant } from '../../../lib/format/instant';
import { SOP_EXCEPTION_NAMES, SOP_STEP_NAMES } from '../sop-names';

/** The late steps and missing mitigations of the cycle, and whom they reached. */
export function Escalations({ cycle, agenda }: { cycle: SopCycleView; agenda: SopAgendaView }) {
  if (cycle.escalations.length === 0) return null;
  const names = new Map(agenda.exceptions.map((exception) => [exception.id, `${SOP_EXCEPTION_NAMES[exception.kind]}: ${exception.subjectName ?? exception.subject}`]));
  return (
    <section aria-labelledby="escalations">
      <Title order={2} size="h3" id="escalations" mb="xs">
        Escalations
      </Title>
      <Table withTableBorder aria-label="Escalations of the cycle">
        <Table.Tbody>
          {cycle.escalations.map((escalation) => (
            <Table.Tr key={`${escalation.kind}-${escalation.subject}`}>
              <Table.Td>{escalation.kind === 'step_overdue' ? `${SOP_STEP_NAMES[escalation.subject] ?? escalation.subject} is late` : `No mitigation for ${names.get(escalation.subject) ?? escalation.subject}`}</Table.Td>
              <Table.Td>owed by {escalation.ownerId}</Table.Td>
              <Table.Td>escalated to {escalation.escalatedTo.replace('_', ' ')}</Table.Td>
              <Table.Td>{formatInstant(escalation.at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
