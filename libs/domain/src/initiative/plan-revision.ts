import type { Actor } from './actor';
import { checkPlanRevision } from './baseline';
import { partyProblems, planProblems, type InitiativeDraft } from './initiative-draft';
import { checkOpen, type InitiativeFacts } from './initiative-facts';
import { forbidden, unprocessable, type RuleViolation } from './rule-violation';

/** A revision of the plan before the go decision: any part given replaces the current one. */
export type PlanRevision = Partial<Pick<InitiativeDraft, 'controllerId' | 'measures' | 'oneTimeCosts' | 'milestones'>>;

export function checkPlanRevisionCommand(actor: Actor, facts: InitiativeFacts, revision: PlanRevision): RuleViolation | null {
  if (actor.id !== facts.ownerId) return forbidden("revising the plan requires being the initiative's owner");
  const closed = checkOpen(facts);
  if (closed) return closed;
  const frozen = checkPlanRevision(facts.stage);
  if (frozen) return frozen;
  const unmet = [
    ...partyProblems({ ...facts, controllerId: revision.controllerId !== undefined ? revision.controllerId : facts.controllerId }),
    ...planProblems({ measures: revision.measures ?? [], oneTimeCosts: revision.oneTimeCosts ?? [], milestones: revision.milestones ?? [] }),
  ];
  return unmet.length > 0 ? unprocessable(`the plan cannot be revised: ${unmet.join('; ')}`, unmet) : null;
}
