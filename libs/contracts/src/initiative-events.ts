import { z } from 'zod';
import { identifier, instant, period } from './event-fields';

// As the initiatives service accepts them; consumers size their columns so.
const title = z.string().max(200);
const category = z.string().max(100);
const nullableId = identifier.nullable();
const stage = z.number().int().min(0).max(5);
const minor = z.number().int();
const periodAmounts = z.array(z.object({ period, amount: minor }));
const status = z.enum(['on_track', 'at_risk', 'escalated', 'on_hold', 'cancelled', 'closed']);
const evidence = z.object({ text: z.string(), links: z.array(z.string()) });
const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const subject = { initiativeId: identifier, programId: identifier };

const measureValues = z.array(
  z.object({ measureId: identifier, name: title, category, plannedValues: periodAmounts, forecastValues: periodAmounts }),
);

/** The data of every `initiative.*` event; the initiatives service produces them, others project them. */
export const INITIATIVE_EVENT_SCHEMAS = {
  'initiative.created': z.object({
    ...subject,
    // The initiatives service hands out codes of at most 20 characters (INI-00042); consumers store them so.
    code: z.string().trim().min(1).max(20),
    title,
    ownerId: identifier,
    sponsorId: identifier,
    controllerId: nullableId,
    category,
    currency: z.string().length(3),
    stage,
    status,
    plannedValue: minor,
    measures: measureValues,
    /** Its milestones and their due days; absent from events written before they were carried. */
    milestones: z.array(z.object({ milestoneId: identifier, title, dueDate })).optional(),
  }),
  'initiative.stage-changed': z.object({
    ...subject,
    fromStage: stage,
    toStage: stage,
    /** How: a gate approved, a PMO rollback, or the closure finance confirmed. */
    cause: z.enum(['gate', 'rollback', 'closure']),
    gateRequestId: nullableId,
    decidedBy: z.array(identifier),
    comment: z.string().nullable(),
    status,
    /** The closure after the change (a rollback withdraws a pending one); absent in events recorded before it was carried. */
    closure: z.enum(['none', 'pending_confirmation', 'closed', 'rejected']).optional(),
    currency: z.string().length(3),
    plannedValue: minor,
    forecastValue: minor,
    baselineFrozen: z.boolean(),
    measures: measureValues,
  }),
  /** The owner asked for a gate: who holds its keys (one list of acceptable keys a slot), so that they can be told and the wait counted. */
  'initiative.gate-requested': z.object({
    ...subject,
    gateRequestId: identifier,
    targetStage: stage,
    submittedBy: identifier,
    submittedAt: instant,
    keys: z.array(z.array(z.enum(['sponsor', 'controller', 'pmo']))),
    sponsorId: identifier,
    controllerId: nullableId,
  }),
  /** A key of a gate that needs more than one is given; the gate still waits for `keysLeft` (each slot as the keys that would fill it). The last key is told by the stage change. */
  'initiative.gate-key-given': z.object({
    ...subject,
    gateRequestId: identifier,
    targetStage: stage,
    key: z.enum(['sponsor', 'controller', 'pmo']),
    givenBy: identifier,
    keysLeft: z.array(z.array(z.enum(['sponsor', 'controller', 'pmo']))).min(1),
  }),
  'initiative.gate-rejected': z.object({ ...subject, gateRequestId: identifier, targetStage: stage, rejectedBy: identifier, reason: z.string() }),
  'initiative.milestone-completed': z.object({
    ...subject,
    milestoneId: identifier,
    title,
    dueDate,
    completedBy: identifier,
    completedAt: instant,
    late: z.boolean(),
    evidence,
  }),
  'initiative.milestone-missed': z.object({ ...subject, milestoneId: identifier, title, dueDate, ownerId: identifier }),
  'initiative.milestone-replanned': z.object({
    ...subject,
    milestoneId: identifier,
    title,
    previousDueDate: dueDate,
    dueDate,
    approvedBy: identifier,
    reason: z.string(),
  }),
  'initiative.escalated': z.object({
    ...subject,
    milestoneId: identifier,
    title,
    dueDate,
    level: z.number().int().min(1).max(3),
    audience: z.enum(['owner', 'sponsor', 'steering_committee']),
    /** Who is asked to act; null for the steering committee, which the program's governance names. */
    notify: nullableId,
    status,
  }),
  'initiative.status-changed': z.object({ ...subject, fromStatus: status, status, reason: z.string().nullable() }),
  'initiative.forecast-updated': z.object({
    ...subject,
    currency: z.string().length(3),
    forecastValue: minor,
    measures: z.array(z.object({ measureId: identifier, forecastValues: periodAmounts })),
  }),
  'initiative.plan-revised': z.object({
    ...subject,
    controllerId: nullableId,
    currency: z.string().length(3),
    plannedValue: minor,
    measures: measureValues,
    /** The milestones still open after the revision (one may be added, removed or moved); absent from events written before they were carried. */
    milestones: z.array(z.object({ milestoneId: identifier, title, dueDate })).optional(),
  }),
  'initiative.closure-requested': z.object({
    ...subject,
    requestedBy: identifier,
    closure: z.enum(['pending_confirmation', 'closed']),
  }),
  'initiative.closure-rejected': z.object({ ...subject, rejectedBy: identifier, confirmationId: identifier, reason: z.string() }),
  'initiative.closed': z.object({
    ...subject,
    currency: z.string().length(3),
    plannedValue: minor,
    confirmedValue: minor,
    closedAt: instant,
  }),
};

export type InitiativeEventType = keyof typeof INITIATIVE_EVENT_SCHEMAS;
