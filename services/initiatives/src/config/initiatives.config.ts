import { feedSettings, serviceConfigSchema, type FeedSettings, type ServiceConfig } from '@tollgate/config';
import { parseIsoDuration, type EscalationPolicy } from '@tollgate/domain';
import { z } from 'zod';

const gracePeriod = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((text, context) => {
      const ms = parseIsoDuration(text);
      if (ms === undefined) {
        context.addIssue({ code: 'custom', message: 'expected an ISO-8601 duration of weeks, days or hours, such as P7D' });
        return z.NEVER;
      }
      return ms;
    });

/** The escalation ladder's grace periods: owner → sponsor, then sponsor → steering committee. */
const lifecycleSettings = z
  .object({
    TOLLGATE_ESCALATION_SPONSOR_GRACE: gracePeriod('P7D'),
    TOLLGATE_ESCALATION_STEERING_GRACE: gracePeriod('P14D'),
  })
  .transform((env) => ({
    lifecycle: {
      escalation: {
        sponsorGraceMs: env.TOLLGATE_ESCALATION_SPONSOR_GRACE,
        steeringCommitteeGraceMs: env.TOLLGATE_ESCALATION_STEERING_GRACE,
      } satisfies EscalationPolicy,
    },
  }));

/** The initiatives service's settings; see docs/operations.md for each variable. */
// Measure forecasts from planning systems are applied here; the sales and operations feeds go to the plans service.
export const initiativesConfigSchema = z.intersection(z.intersection(serviceConfigSchema('initiatives', 3002), lifecycleSettings), feedSettings(['initiative.measure-forecast']));

export type InitiativesConfig = ServiceConfig & z.infer<typeof lifecycleSettings> & FeedSettings;
