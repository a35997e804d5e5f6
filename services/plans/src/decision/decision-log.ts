import { TOPICS } from '@tollgate/contracts';
import type { SopDecision } from '@tollgate/domain';
import { enqueueEvent } from '@tollgate/messaging';
import type { EntityManager } from 'typeorm';
import { SopDecisionRecord } from './sop-decision.entity';
import { storedInstant } from '../sop-cycle/stored-instant';


/** Writes a decision with its `plans.decision-recorded` event; shared by cycle decisions and scenario promotions. */
export async function recordDecision(manager: EntityManager, orgNodeId: string, cycleId: string | null, decision: SopDecision): Promise<void> {
  if (await manager.existsBy(SopDecisionRecord, { id: decision.decisionId })) return;
  await manager.insert(SopDecisionRecord, {
    id: decision.decisionId,
    cycleId,
    orgNodeId,
    kind: decision.kind,
    subject: decision.subject,
    rationale: decision.rationale,
    decidedBy: decision.decidedBy,
    decidedAt: new Date(decision.decidedAt),
    outcome: decision.outcome ?? [],
    expects: decision.expects ?? null,
    checkResult: null,
  });
  await enqueueEvent(manager, TOPICS.plansEvents, {
    type: 'plans.decision-recorded',
    source: 'tollgate/plans',
    subject: orgNodeId,
    data: {
      decisionId: decision.decisionId,
      cycleId,
      orgNodeId,
      kind: decision.kind,
      subject: decision.subject,
      rationale: decision.rationale,
      decidedBy: decision.decidedBy,
      decidedAt: storedInstant(decision.decidedAt),
      outcome: decision.outcome ?? [],
    },
  });
}
