import type { InitiativeView } from '@tollgate/contracts/views';
import { Stepper } from '@mantine/core';
import { STAGES } from '@tollgate/domain';
import { formatDay } from '../../../lib/format/instant';

/** The DoI track 0 to 5: each stage passed with its gate's date and deciders. */
export function DoiTrack({ data }: { data: InitiativeView }) {
  const gatesTo = (stage: number) => data.gates.filter((gate) => gate.targetStage === stage && gate.state === 'approved');
  return (
    <Stepper active={data.stage + 1} size="sm" aria-label="Degree of implementation" allowNextStepsSelect={false}>
      {STAGES.map(({ stage, name }) => {
        const gate = gatesTo(stage)[0];
        return (
          <Stepper.Step
            key={stage}
            // The DoI's own number, not the step's position (which starts at 1).
            icon={String(stage)}
            label={`DoI ${stage} ${name}`}
            description={gate ? `${formatDay((gate.decidedAt ?? gate.submittedAt).slice(0, 10))} · ${gate.approvals.map((approval) => approval.by).join(' + ')}` : stage === 0 ? 'defined' : ''}
          />
        );
      })}
    </Stepper>
  );
}
