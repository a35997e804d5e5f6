import { z } from 'zod';
import { identifier, instant, period } from './event-fields';

/**
 * The data of `finance.*` events. `finance.value-confirmed` is also what
 * outside finance systems send on `finance.value-confirmations`, signed.
 */
export const FINANCE_EVENT_SCHEMAS = {
  'finance.value-confirmed': z.object({
    confirmationId: identifier,
    initiativeId: identifier,
    period,
    amount: z.number().int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'),
    reference: z.string().max(500),
    controllerId: identifier,
    /** When the controller confirmed; the finance service sets it when the sender does not. */
    confirmedAt: instant.optional(),
    /** Where the confirmation came from: a person over the API, or a finance system over Kafka. */
    source: z.enum(['api', 'erp']).optional(),
  }),
  'finance.confirmation-rejected': z.object({
    rejectionId: identifier,
    initiativeId: identifier,
    controllerId: identifier,
    reason: z.string().trim().min(1).max(2000),
    rejectedAt: instant,
  }),
};
