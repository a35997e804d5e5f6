import type { GateView, InitiativeView } from '@tollgate/contracts/views';
import { Button, Card, Group, Text, Textarea } from '@mantine/core';
import { STAGES } from '@tollgate/domain';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { useDecideGate } from '../api/decide-gate';

/** A holder of a key the pending request still needs approves or rejects it, with a comment. */
export function GateDecision({ initiative, gate, onDone }: { initiative: InitiativeView; gate: GateView; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const decide = useDecideGate(initiative.id, gate.id, onDone);
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Gate to {STAGES[gate.targetStage]?.name ?? gate.targetStage} awaits your key</Text>
      <Text size="sm">Evidence: {gate.evidence.text}</Text>
      <Text size="sm" c="dimmed">
        Still needed: {gate.missingKeys.join(', and ')}
      </Text>
      <Textarea label="Comment (a rejection needs a reason)" value={comment} onChange={(event) => setComment(event.currentTarget.value)} autosize minRows={2} mt="xs" />
      <Group mt="xs">
        <Button onClick={() => decide.mutate({ approve: true, comment })} loading={decide.isPending}>
          Approve
        </Button>
        <Button variant="outline" color="red" onClick={() => decide.mutate({ approve: false, comment })} loading={decide.isPending}>
          Reject
        </Button>
      </Group>
      <Refusal error={decide.error} />
    </Card>
  );
}
