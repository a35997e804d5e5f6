import type { SopCycleView } from '@tollgate/contracts/views';
import { Badge, Button, Card, Group, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { formatInstant } from '../../../lib/format/instant';
import type { Viewer } from '../../initiative/initiative-rights';
import { useCompleteSopStep } from '../api/complete-sop-step';
import { SOP_STEP_NAMES } from '../sop-names';
import { isLate, mayCompleteStep } from '../sop-rights';
import { READABLE } from './readable-badge';

/** The step's owner completes it, with a note for the record; closing the executive S&OP publishes the cycle. */
function StepCompletion({ cycle }: { cycle: SopCycleView }) {
  const [note, setNote] = useState('');
  const publishing = cycle.step === 'executive_sop';
  const complete = useCompleteSopStep(cycle.id, () => setNote(''));
  return (
    <Card withBorder padding="sm" mt="sm">
      <Text fw={600}>{publishing ? 'Close the executive S&OP and publish the cycle' : `Complete ${SOP_STEP_NAMES[cycle.step]}`}</Text>
      <Textarea label="Note for the record (optional)" value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button onClick={() => complete.mutate({ step: cycle.step, note })} loading={complete.isPending}>
          {publishing ? 'Publish the cycle' : `Complete ${SOP_STEP_NAMES[cycle.step]}`}
        </Button>
      </Group>
      <Refusal error={complete.error} />
    </Card>
  );
}

/** The cycle's steps with owner, deadline and who completed them, late ones marked, and the current step's completion. */
export function Steps({ cycle, me }: { cycle: SopCycleView; me: Viewer }) {
  const now = Date.now();
  const current = cycle.steps.find((step) => step.step === cycle.step);
  return (
    <section aria-labelledby="steps">
      <Title order={2} size="h3" id="steps" mb="xs">
        Steps
      </Title>
      <Table withTableBorder aria-label="Steps of the cycle">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>Done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cycle.steps
            .filter((step) => step.step !== 'published')
            .map((step) => {
              const late = isLate(step, now);
              const isCurrent = step.step === cycle.step;
              return (
                <Table.Tr key={step.step} aria-current={isCurrent ? 'step' : undefined} bg={isCurrent ? 'var(--mantine-color-indigo-0)' : undefined}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={isCurrent ? 700 : 400}>{SOP_STEP_NAMES[step.step]}</Text>
                      {isCurrent && (
                        <Badge variant="light" styles={READABLE}>
                          now
                        </Badge>
                      )}
                      {late && (
                        <Badge color="red.9" variant="filled">
                          late
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{step.ownerId}</Table.Td>
                  <Table.Td>{step.dueAt ? formatInstant(step.dueAt) : 'not begun'}</Table.Td>
                  <Table.Td>
                    {step.completedAt ? (
                      <>
                        <Text size="sm">
                          {formatInstant(step.completedAt)} by {step.completedBy}
                        </Text>
                        {step.note && (
                          <Text size="xs" c="dimmed">
                            {step.note}
                          </Text>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
      {cycle.step === 'published' ? (
        <Text mt="xs" fw={600} c="#1e6b30">
          Published {formatInstant(cycle.steps.find((step) => step.step === 'published')?.completedAt)}.
        </Text>
      ) : (
        current && mayCompleteStep(me, cycle, current) && <StepCompletion cycle={cycle} />
      )}
    </section>
  );
}
