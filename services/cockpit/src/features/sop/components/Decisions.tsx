import type { SopCycleView } from '@tollgate/contracts/views';
import { Card, Table, Text, Title } from '@mantine/core';
import { formatDay, formatInstant } from '../../../lib/format/instant';
import { claimWords } from '../claim-words';
import { decisionName } from '../sop-names';
import type { Viewer } from '../../initiative/initiative-rights';
import { mayDecideSop } from '../sop-rights';
import { DecisionForm } from './DecisionForm';

/** The decisions recorded in the cycle, and for the chair a resolution to record. */
export function Decisions({ cycle, me, currency }: { cycle: SopCycleView; me: Viewer; currency: string }) {
  return (
    <section aria-labelledby="decisions">
      <Title order={2} size="h3" id="decisions" mb="xs">
        Decisions
      </Title>
      {cycle.decisions.length === 0 ? (
        <Text c="dimmed">No decision recorded in this cycle yet.</Text>
      ) : (
        <Table withTableBorder aria-label="Decisions of the cycle">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decision</Table.Th>
              <Table.Th>Rationale</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>What it did</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cycle.decisions.map((decision) => (
              <Table.Tr key={decision.decisionId}>
                <Table.Td>{decisionName(decision.kind)}</Table.Td>
                <Table.Td>{decision.rationale}</Table.Td>
                <Table.Td>
                  {decision.decidedBy}, {formatInstant(decision.decidedAt)}
                </Table.Td>
                <Table.Td>
                  {decision.outcome === null ? 'being applied' : decision.outcome.length ? decision.outcome.join('; ') : decision.actions.length ? '' : 'nothing to change'}
                  {decision.actions.length > 0 && `asks: ${decision.actions.map((action) => `${action.title} (${action.ownerId}, by ${formatDay(action.dueDate)})`).join('; ')}`}
                  {decision.expects && ` expects: ${claimWords(decision.expects, currency)}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayDecideSop(me, cycle) && (
        <Card withBorder padding="sm" mt="sm">
          <Text fw={600}>Record a resolution</Text>
          <DecisionForm cycle={cycle} subject={null} kinds={[{ kind: 'resolution', label: 'Record the resolution' }]} label="What the review resolved, and why" asks="action" currency={currency} />
        </Card>
      )}
    </section>
  );
}
