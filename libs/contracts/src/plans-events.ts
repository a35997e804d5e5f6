import { z } from 'zod';
import { identifier, instant, period } from './event-fields';

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
    kind: z.enum(['forecast_below_plan', 'forecast_above_plan', 'forecast_below_target', 'demand_exceeds_capacity', 'initiative_escalated']),
    /** The node, node/family or initiative the deviation concerns. */
    subject: identifier,
    reference: z.number().int(),
    actual: z.number().int(),
    deviation: z.number().int(),
    ownerId: identifier,
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
};
