import type { SopAgendaView, SopCycleView, SopPivotView } from '@tollgate/contracts/views';
import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Viewer } from '../../initiative/initiative-rights';
import { decidedSubjects, mayDecideSop } from '../sop-rights';
import { DecisionForm } from './DecisionForm';
import { READABLE } from './readable-badge';

const MOVES: Record<SopPivotView['move'], { label: string; colour: string }> = {
  accelerate: { label: 'accelerate', colour: 'green' },
  keep: { label: 'keep', colour: 'gray' },
  hold: { label: 'hold', colour: 'red' },
  resume: { label: 'resume', colour: 'blue' },
};

/** The proposed pivots per program, ranked, and the chair's decision on each. */
export function Pivots({ cycle, agenda, me }: { cycle: SopCycleView; agenda: SopAgendaView; me: Viewer }) {
  const decided = decidedSubjects(cycle);
  const programs = [...new Map(agenda.pivots.map((pivot) => [pivot.programId, pivot.programName ?? pivot.programId])).entries()];
  if (agenda.pivots.length === 0) return null;
  return (
    <section aria-labelledby="pivots">
      <Title order={2} size="h3" id="pivots" mb="xs">
        Proposed pivots
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Ranked by risk-weighted value per unit of budget and people; what does not fit the program's capacity is held.
      </Text>
      {programs.map(([programId, programName]) => {
        const ranked = agenda.pivots.filter((pivot) => pivot.programId === programId);
        // The raw score is value per share of the program's capacity: only its order and ratios mean something to a reader.
        const best = Math.max(...ranked.map((pivot) => pivot.score), 1);
        return (
        <Card key={programId} withBorder padding="sm" mb="sm">
          <Group justify="space-between">
            <Text fw={700}>{programName}</Text>
            {decided.pivots.has(programId) && <Badge color={decided.pivots.get(programId) === 'approved' ? '#1e6b30' : 'gray.8'}>pivot {decided.pivots.get(programId)}</Badge>}
          </Group>
          <Table aria-label={`Proposed pivot of ${programName}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rank</Table.Th>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Move</Table.Th>
                <Table.Th ta="right">Score (best = 100)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranked.map((pivot, index) => (
                  <Table.Tr key={pivot.initiativeId}>
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/initiatives/${pivot.initiativeId}`}>
                        {pivot.title ?? pivot.initiativeId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={MOVES[pivot.move].colour} variant="light" styles={READABLE}>
                        {MOVES[pivot.move].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{Math.round((pivot.score / best) * 100)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
          {mayDecideSop(me, cycle) && !decided.pivots.has(programId) && (
            <DecisionForm
              cycle={cycle}
              subject={programId}
              label="Rationale for the pivot decision"
              kinds={[
                { kind: 'approve_pivot', label: 'Approve the pivot' },
                { kind: 'reject_pivot', label: 'Reject the pivot', colour: 'red' },
              ]}
            />
          )}
        </Card>
        );
      })}
    </section>
  );
}
