import { z } from 'zod';
import { DECISION_CLAIM_FIGURES, SOP_CYCLE_PAPERS, SOP_EXCEPTION_KINDS } from '@tollgate/domain';
import { identifier, instant, period } from './event-fields';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

/** What every event of an action carries: which action, of which decision, cycle and node, owed by whom and by when. */
const action = {
  actionId: identifier,
  decisionId: identifier,
  cycleId: identifier,
  orgNodeId: identifier,
  ownerId: identifier,
  chairId: identifier,
  title: z.string().min(1),
  dueDate: calendarDate,
};

/** The data of `plans.*` events that other services project. */
export const PLANS_EVENT_SCHEMAS = {
  'plans.org-node-created': z.object({
    nodeId: identifier,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['organization', 'business_unit', 'program']),
    parentId: identifier.nullable(),
  }),
  'plans.cycle-started': z.object({
    cycleId: identifier,
    orgNodeId: identifier,
    period,
    startedBy: identifier,
    chairId: identifier,
    startedAt: instant,
  }),
  'plans.exception-raised': z.object({
    exceptionId: identifier,
    cycleId: identifier,
    orgNodeId: identifier,
    period,
    kind: z.enum(SOP_EXCEPTION_KINDS),
    /** The node, node/family, initiative or action the deviation concerns. */
    subject: identifier,
    reference: z.number().int(),
    actual: z.number().int(),
    deviation: z.number().int(),
    ownerId: identifier,
    /** What the deviation puts at risk in minor units; null for a gap in volumes; absent from events written before it was known. */
    valueAtRisk: z.number().int().nullable().optional(),
  }),
  'plans.decision-recorded': z.object({
    decisionId: identifier,
    /** Null for a decision taken outside a cycle (a scenario promoted by its own decision). */
    cycleId: identifier.nullable(),
    orgNodeId: identifier,
    kind: z.enum(['approve_pivot', 'reject_pivot', 'promote_scenario', 'accept_mitigation', 'resolution']),
    subject: identifier.nullable(),
    rationale: z.string().min(1),
    decidedBy: identifier,
    decidedAt: instant,
    outcome: z.array(z.string()),
  }),
  /** A decision asked for it (an accepted mitigation, or a resolution's action); the engine follows it from here. */
  'plans.action-opened': z.object({ ...action, expectedEffect: z.string().min(1), doneWhen: z.string().min(1), exceptionId: identifier.nullable(), openedAt: instant }),
  /** Its due date is near and it is not done: the owner is reminded. */
  'plans.action-reminded': z.object({ ...action, remindedAt: instant }),
  /** Its due date has passed and it is not done: escalated to the chair (or the steering committee when the chair owns it). */
  'plans.action-overdue': z.object({ ...action, escalatedTo: identifier, overdueAt: instant }),
  'plans.action-done': z.object({ ...action, doneBy: identifier, doneAt: instant, evidence: z.object({ text: z.string().min(1), links: z.array(z.string()) }) }),
  'plans.action-dropped': z.object({ ...action, droppedBy: identifier, droppedAt: instant, reason: z.string().min(1) }),
  /** A step of a cycle is past its deadline, or an exception still owes its mitigation when the window closes: escalated to the chair (or the steering committee). */
  'plans.cycle-escalated': z.object({
    cycleId: identifier,
    orgNodeId: identifier,
    period,
    kind: z.enum(['step_overdue', 'mitigation_missing']),
    /** The step, or the exception. */
    subject: identifier,
    /** The exception's kind, for a missing mitigation. */
    exceptionKind: z.enum(SOP_EXCEPTION_KINDS).nullable(),
    ownerId: identifier,
    escalatedTo: identifier,
    escalatedAt: instant,
  }),
  /** The current step of a cycle comes due (a day before its deadline, or half-way through a shorter step): its owner is reminded, once. */
  'plans.cycle-step-due': z.object({
    cycleId: identifier,
    orgNodeId: identifier,
    period,
    step: z.enum(['data_gathering', 'demand_review', 'supply_review', 'pre_sop', 'executive_sop']),
    ownerId: identifier,
    dueAt: instant,
    remindedAt: instant,
  }),
  /** A paper of a cycle is out, for everyone who took part: the pre-read when the executive S&OP begins, the minutes when the cycle is published. */
  'plans.cycle-paper-issued': z.object({
    cycleId: identifier,
    orgNodeId: identifier,
    period,
    paper: z.enum(SOP_CYCLE_PAPERS),
    participants: z.array(identifier),
    /** When the executive S&OP is due: the pre-read is read before it. */
    meetingDueAt: instant.nullable(),
    issuedAt: instant,
  }),
  /** The day a decision's expected effect was due: whether it held, against the figure read. */
  'plans.decision-checked': z.object({
    decisionId: identifier,
    cycleId: identifier,
    orgNodeId: identifier,
    figure: z.enum(DECISION_CLAIM_FIGURES),
    met: z.boolean(),
    expected: z.number().int(),
    actual: z.number().int(),
    checkedAt: instant,
  }),
};
