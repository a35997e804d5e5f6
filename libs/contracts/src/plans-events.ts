import { z } from 'zod';

const identifier = z.string().trim().min(1).max(200);

/** The data of `plans.*` events that other services project. */
export const PLANS_EVENT_SCHEMAS = {
  'plans.org-node-created': z.object({
    nodeId: identifier,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['organization', 'business_unit', 'program']),
    parentId: identifier.nullable(),
  }),
};
