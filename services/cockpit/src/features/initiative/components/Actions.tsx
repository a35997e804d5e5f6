import type { InitiativeView } from '@tollgate/contracts/views';
import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { STAGES } from '@tollgate/domain';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { useRequestClosure } from '../api/request-closure';
import { useRequestGate } from '../api/request-gate';
import { mayCompleteMilestone, mayConfirm, mayDecide, mayReplanMilestone, mayRequestClosure, mayRequestGate, sideMovesFor, type Viewer } from '../initiative-rights';
import { ConfirmValueForm, RejectClosureForm } from './FinanceForms';
import { GateDecision } from './GateDecision';
import { MilestoneCompletion, MilestoneReplan } from './MilestoneForms';
import { SideMove } from './SideMove';

/** What the signed-in person may do on the initiative, by their rights; the server still decides. */
export function Actions({ initiative, viewer, onDone }: { initiative: InitiativeView; viewer: Viewer; onDone: () => void }) {
  const [evidence, setEvidence] = useState('');
  const nextStage = initiative.stage + 1;
  const requestGate = useRequestGate(initiative.id, () => {
    setEvidence('');
    onDone();
  });
  const requestClosure = useRequestClosure(initiative.id, onDone);
  const pending = initiative.gates.filter((gate) => mayDecide(viewer, initiative, gate));
  const openMilestones = initiative.milestones.filter((milestone) => milestone.completedAt === null);
  const offers = [
    mayRequestGate(viewer, initiative) && (
      <Card withBorder padding="sm" key="gate">
        <Text fw={600}>Request the gate to DoI {nextStage} {STAGES[nextStage]?.name}</Text>
        <Textarea label="Evidence" description="What shows the gate's criteria are met" value={evidence} onChange={(event) => setEvidence(event.currentTarget.value)} autosize minRows={2} />
        <Button mt="xs" onClick={() => requestGate.mutate({ targetStage: nextStage, evidence })} loading={requestGate.isPending} disabled={evidence.trim() === ''}>
          Request gate
        </Button>
        <Refusal error={requestGate.error} />
      </Card>
    ),
    mayCompleteMilestone(viewer, initiative) && <MilestoneCompletion key="milestone" initiative={initiative} milestones={openMilestones} onDone={onDone} />,
    mayRequestClosure(viewer, initiative) && (
      <Card withBorder padding="sm" key="closure">
        <Text fw={600}>Request closure</Text>
        <Text size="sm" c="dimmed">
          The initiative closes once a controller has confirmed the value it realized.
        </Text>
        <Button mt="xs" onClick={() => requestClosure.mutate()} loading={requestClosure.isPending}>
          Request closure
        </Button>
        <Refusal error={requestClosure.error} />
      </Card>
    ),
    ...pending.map((gate) => <GateDecision key={gate.id} initiative={initiative} gate={gate} onDone={onDone} />),
    mayConfirm(viewer, initiative) && <ConfirmValueForm key="confirm" initiative={initiative} onDone={onDone} />,
    mayReplanMilestone(viewer, initiative) && <MilestoneReplan key="replan" initiative={initiative} milestones={openMilestones} onDone={onDone} />,
    ...sideMovesFor(viewer, initiative).map((move) => <SideMove key={move} initiative={initiative} move={move} onDone={onDone} />),
    mayConfirm(viewer, initiative) && initiative.closure.state === 'pending_confirmation' && <RejectClosureForm key="reject" initiative={initiative} onDone={onDone} />,
  ].filter(Boolean);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        What you can do
      </Title>
      {offers.length > 0 ? (
        offers
      ) : (
        <Text size="sm" c="dimmed">
          Nothing awaits you on this initiative.
        </Text>
      )}
    </Stack>
  );
}
