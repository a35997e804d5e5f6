import { durationSetting, feedSettings, serviceConfigSchema, type FeedSettings, type ServiceConfig } from '@tollgate/config';
import type { EscalationPolicy } from '@tollgate/domain';
import { z } from 'zod';

const gracePeriod = (fallback: string) => durationSetting(fallback).transform((duration) => duration.ms);

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
