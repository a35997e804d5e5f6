import { instantAt } from '../../instant';
import type { Stage } from '../../stage';
import { checkClosureRequest, checkConfirmation, isValueConfirmed } from '../closure';
import { checkDecisionReason, gateDecisionRight, isFullyApproved } from '../decision-rights';
import { escalationSteps, nextEscalationAt } from '../escalation';
import { checkForecastUpdate } from '../forecast';
import { checkGateSubmission } from '../gate-submission';
import type { GateRequest } from '../gate-request';
import { checkGatesUnblocked, checkOpen, isOpen } from '../initiative-facts';
import type { LifecycleState } from '../lifecycle-state';
import { checkMilestoneCompletion, checkMilestoneReplan } from '../milestone-rules';
import { checkPlanRevisionCommand } from '../plan-revision';
import { conflict, notFound, type RuleViolation } from '../rule-violation';
import { checkPortfolioMove, checkSideMove } from '../side-moves';
import type { DecisionContext, LifecycleCommand } from './lifecycle-command';
import type { LifecycleFact } from './lifecycle-fact';
import { evolve } from './lifecycle-evolve';
import { confirmedValueOf } from './lifecycle-values';

/** A command's outcome: the facts it makes true (none when it repeats one already applied), or why it is refused. */
export type LifecycleDecision = { ok: true; facts: LifecycleFact[] } | { ok: false; violation: RuleViolation };

const refused = (violation: RuleViolation): LifecycleDecision => ({ ok: false, violation });

export function pendingRequest(state: Pick<LifecycleState, 'gateRequests'>): GateRequest | undefined {
  return state.gateRequests.find((request) => request.state === 'pending');
}

/**
 * Whether `command` may change the lifecycle now, and what it makes true.
 * Pure: the time and fresh ids come from `context`. Closure is never asked
 * for as such: whatever leaves a closure request pending with value
 * confirmed and no hold closes the initiative in the same decision.
 */
export function decide(state: LifecycleState, command: LifecycleCommand, context: DecisionContext): LifecycleDecision {
  const decision = decideAlone(state, command, context);
  if (!decision.ok || decision.facts.length === 0) return decision;
  const after = decision.facts.reduce(evolve, state);
  if (!isClosureDue(after)) return decision;
  const at = instantAt(context.now);
  return { ok: true, facts: [...decision.facts, { type: 'closed', at, confirmedValue: confirmedValueOf(after) }] };
}

/** Stage 5 needs all three: a pending closure request, value confirmed by finance, and no hold. */
export function isClosureDue(state: LifecycleState): boolean {
  return isOpen(state) && state.closure.state === 'pending_confirmation' && isValueConfirmed(state.confirmations) && state.hold === null;
}

/** When the ladder must next be looked at; never while on hold, which pauses escalation. */
export function nextEscalationDue(state: LifecycleState, now: number): number | null {
  return state.hold ? null : nextEscalationAt(state.milestones, now, state.policy);
}

function decideAlone(state: LifecycleState, command: LifecycleCommand, { now, newId }: DecisionContext): LifecycleDecision {
  const at = instantAt(now);
  const facts = (...decided: LifecycleFact[]): LifecycleDecision => ({ ok: true, facts: decided });
  const unless = (violation: RuleViolation | null, decided: () => LifecycleDecision): LifecycleDecision => (violation ? refused(violation) : decided());

  switch (command.type) {
    case 'request-gate': {
      const { actor, targetStage, evidence, context } = command;
      return unless(checkGateSubmission(actor, state, targetStage, evidence, pendingRequest(state), context), () =>
        facts({
          type: 'gate-requested',
          request: {
            id: newId(),
            targetStage: targetStage as Stage,
            evidence,
            submittedBy: actor.id,
            submittedAt: at,
            state: 'pending',
            approvals: [],
            rejection: null,
            decidedAt: null,
          },
        }),
      );
    }
    case 'decide-gate':
      return decideGate(state, command, at);
    case 'complete-milestone': {
      const { actor, milestoneId, evidence } = command;
      return unless(checkMilestoneCompletion(actor, state, milestoneId, evidence), () =>
        facts({ type: 'milestone-completed', milestoneId, by: actor.id, at, evidence, late: (state.escalationLevels[milestoneId] ?? 0) > 0 }),
      );
    }
    case 'replan-milestone': {
      const { actor, milestoneId, dueDate, reason } = command;
      return unless(checkMilestoneReplan(actor, state, milestoneId, dueDate, reason, now), () => {
        const previousDueDate = state.milestones.find((milestone) => milestone.id === milestoneId)!.dueDate;
        return facts({ type: 'milestone-replanned', milestoneId, previousDueDate, dueDate, by: actor.id, reason });
      });
    }
    case 'move-aside': {
      const { actor, move, reason } = command;
      return unless(checkSideMove(move, actor, state, reason), () => {
        const by = actor.id;
        switch (move) {
          case 'hold':
            return facts({ type: 'held', by, at, reason });
          case 'resume':
            return facts({ type: 'resumed', by, reason });
          case 'cancel':
            return facts({ type: 'cancelled', by, at, reason });
          case 'rollback':
            return facts({ type: 'rolled-back', fromStage: state.stage, toStage: (state.stage - 1) as Stage, by, at, reason });
        }
      });
    }
    case 'update-forecast':
      return unless(checkForecastUpdate(command.actor, state, command.forecasts, command.feed), () =>
        facts({ type: 'forecast-updated', by: command.actor.id, forecasts: command.forecasts }),
      );
    case 'revise-plan': {
      const { actor, revision } = command;
      return unless(checkPlanRevisionCommand(actor, state, revision), () => {
        // A measure or milestone whose name stays the same (case and surrounding blanks aside) keeps its id.
        const keptId = <T extends { id: string }>(known: readonly T[], name: (item: T) => string, wanted: string) =>
          known.find((item) => name(item).trim().toLowerCase() === wanted.trim().toLowerCase())?.id ?? newId();
        const measureIds = (revision.measures ?? []).map((measure) => keptId(state.measures, (known) => known.name, measure.name));
        const milestoneIds = (revision.milestones ?? []).map((milestone) => keptId(state.milestones, (known) => known.title, milestone.title));
        return facts({ type: 'plan-revised', by: actor.id, revision, measureIds, milestoneIds });
      });
    }
    case 'request-closure':
      return unless(checkClosureRequest(command.actor, state, state.closure.state), () => facts({ type: 'closure-requested', by: command.actor.id, at }));
    case 'confirm-value': {
      const { confirmation } = command;
      // Finance may deliver a confirmation more than once; it counts once.
      if (state.confirmations.some((known) => known.confirmationId === confirmation.confirmationId)) return facts();
      return unless(checkConfirmation(confirmation, state) ?? checkOpen(state), () => facts({ type: 'value-confirmed', confirmation }));
    }
    case 'reject-closure': {
      const { rejection } = command;
      if (state.rejectedConfirmationIds.includes(rejection.confirmationId)) return facts();
      if (state.closure.state !== 'pending_confirmation') return refused(conflict('no closure is pending'));
      return facts({ type: 'closure-rejected', rejection });
    }
    case 'portfolio-move': {
      const { decisionId, move, decidedBy, reason } = command.move;
      if ((state.portfolioDecisionIds ?? []).includes(decisionId)) return facts();
      const because = `S&OP decision ${decisionId}: ${reason}`;
      return unless(checkPortfolioMove(move, state), () =>
        facts(move === 'hold' ? { type: 'held', by: decidedBy, at, reason: because, decisionId } : { type: 'resumed', by: decidedBy, reason: because, decisionId }),
      );
    }
    case 'escalate': {
      // A hold pauses the ladder; the rungs are climbed lowest first once it is lifted.
      if (state.hold) return facts();
      const steps = escalationSteps(state.milestones, state.escalationLevels, now, state.policy);
      return facts(...steps.map((step): LifecycleFact => ({ type: 'milestone-escalated', ...step })));
    }
  }
}

function decideGate(state: LifecycleState, command: Extract<LifecycleCommand, { type: 'decide-gate' }>, at: string): LifecycleDecision {
  const { actor, requestId, approve, comment } = command;
  const request = state.gateRequests.find((candidate) => candidate.id === requestId);
  if (!request) return refused(notFound(`gate request ${requestId} not found`));
  const right = gateDecisionRight(request, actor, state, approve);
  if ('kind' in right) return refused(right);
  const violation = checkOpen(state) ?? checkDecisionReason(approve, comment) ?? checkGatesUnblocked(state);
  if (violation) return refused(violation);
  const { targetStage } = request;
  if (!approve) {
    return { ok: true, facts: [{ type: 'gate-rejected', requestId, targetStage, key: right.key, by: actor.id, at, reason: comment }] };
  }
  const approval = { slot: right.slot, key: right.key, by: actor.id, at, comment };
  const approved: LifecycleFact = { type: 'gate-approved', requestId, targetStage, approval };
  const withApproval = { ...request, approvals: [...request.approvals, approval] };
  if (!isFullyApproved(withApproval)) return { ok: true, facts: [approved] };
  const decidedBy = withApproval.approvals.map((known) => known.by);
  return {
    ok: true,
    facts: [approved, { type: 'stage-entered', fromStage: state.stage, toStage: targetStage, gateRequestId: requestId, decidedBy, comment: comment || null, by: actor.id, at }],
  };
}
