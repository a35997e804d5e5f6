import type { GateRequest } from '@tollgate/domain';
import type { GateRequestRecord } from './gate-request.entity';

/** A gate request as the lifecycle's state holds it (instants as ISO strings), in the shape of its row. */
export function gateRecordOf(initiativeId: string, request: GateRequest): GateRequestRecord {
  return {
    id: request.id,
    initiativeId,
    targetStage: request.targetStage,
    state: request.state,
    submittedBy: request.submittedBy,
    submittedAt: new Date(request.submittedAt),
    evidence: request.evidence,
    approvals: request.approvals,
    rejection: request.rejection,
    decidedAt: request.decidedAt ? new Date(request.decidedAt) : null,
  };
}
