import type { InitiativeView } from '@tollgate/contracts/views';
import { Button, Card, Group, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { formatDay } from '../../../lib/format/instant';
import { useCompleteMilestone } from '../api/complete-milestone';
import { useReplanMilestone } from '../api/replan-milestone';

/** The open milestone a form acts on, and its picker: the first one until another is picked, and again when the picked one is gone. */
function useMilestoneChoice(milestones: InitiativeView['milestones'], label: string) {
  const [milestoneId, setMilestoneId] = useState<string | null>(milestones[0]?.id ?? null);
  const chosen = milestones.some((milestone) => milestone.id === milestoneId) ? milestoneId : (milestones[0]?.id ?? null);
  const picker = (
    <Select label={label} data={milestones.map((milestone) => ({ value: milestone.id, label: `${milestone.title} (due ${formatDay(milestone.dueDate)})` }))} value={chosen} onChange={setMilestoneId} allowDeselect={false} />
  );
  return { chosen, picker };
}

/** The owner completes an open milestone with what was delivered. */
export function MilestoneCompletion({ initiative, milestones, onDone }: { initiative: InitiativeView; milestones: InitiativeView['milestones']; onDone: () => void }) {
  const { chosen, picker } = useMilestoneChoice(milestones, 'Milestone');
  const [evidence, setEvidence] = useState('');
  const complete = useCompleteMilestone(initiative.id, () => {
    setEvidence('');
    onDone();
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Complete a milestone</Text>
      {picker}
      <Textarea label="What was delivered" value={evidence} onChange={(event) => setEvidence(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button onClick={() => complete.mutate({ milestoneId: chosen, evidence })} loading={complete.isPending} disabled={!chosen || evidence.trim() === ''}>
          Complete the milestone
        </Button>
      </Group>
      <Refusal error={complete.error} />
    </Card>
  );
}

/** The sponsor moves an open milestone's due date, with a reason; its escalation starts again. */
export function MilestoneReplan({ initiative, milestones, onDone }: { initiative: InitiativeView; milestones: InitiativeView['milestones']; onDone: () => void }) {
  const { chosen, picker } = useMilestoneChoice(milestones, 'Milestone to move');
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const replan = useReplanMilestone(initiative.id, () => {
    setDueDate('');
    setReason('');
    onDone();
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>Move a milestone&apos;s due date</Text>
      {picker}
      <TextInput label="New due date" type="date" value={dueDate} onChange={(event) => setDueDate(event.currentTarget.value)} />
      <Textarea label="Reason for the new date" value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button onClick={() => replan.mutate({ milestoneId: chosen, dueDate, reason })} loading={replan.isPending} disabled={!chosen || !dueDate || reason.trim() === ''}>
          Move the due date
        </Button>
      </Group>
      <Refusal error={replan.error} />
    </Card>
  );
}
