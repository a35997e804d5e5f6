import { serviceConfigSchema, type ServiceConfig } from '@tollgate/config';
import { parseIsoDuration } from '@tollgate/domain';
import { z } from 'zod';

/** The portfolio reports' settings. */
const portfolioSettings = z
  .object({
    TOLLGATE_PHANTOM_UNCONFIRMED_AFTER: z
      .string()
      .trim()
      .default('P60D')
      .transform((text, context) => {
        const ms = parseIsoDuration(text);
        if (ms === undefined) {
          context.addIssue({ code: 'custom', message: 'expected an ISO-8601 duration of weeks, days or hours, such as P60D' });
          return z.NEVER;
        }
        return { text, ms };
      }),
  })
  .transform((env) => ({
    portfolio: {
      /** How long an implemented initiative may wait for confirmed value before it counts as phantom progress. */
      phantomUnconfirmedAfter: env.TOLLGATE_PHANTOM_UNCONFIRMED_AFTER.text,
      phantomUnconfirmedAfterMs: env.TOLLGATE_PHANTOM_UNCONFIRMED_AFTER.ms,
    },
  }));

/** The plans service's settings; see README for each variable. */
export const plansConfigSchema = z.intersection(serviceConfigSchema('plans', 3001), portfolioSettings);

export type PlansConfig = ServiceConfig & z.infer<typeof portfolioSettings>;
