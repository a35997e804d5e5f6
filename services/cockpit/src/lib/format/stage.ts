import { STAGES } from '@tollgate/domain';

/** A DoI stage as people name it: `DoI 4 Implemented`. */
export function stageLabel(stage: number): string {
  return `DoI ${stage} ${STAGES[stage]?.name ?? ''}`.trim();
}
