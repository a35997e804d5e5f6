import { nodeEnvironment, serviceConfigSchema, type ServiceConfig } from '@tollgate/config';
import { z } from 'zod';

/** The development key of inbound signatures, refused in production like the JWT secret. */
export const DEVELOPMENT_FINANCE_HMAC_SECRET = 'tollgate-dev-finance-secret';

const financeSettings = z
  .object({
    NODE_ENV: nodeEnvironment,
    TOLLGATE_FINANCE_HMAC_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_FINANCE_HMAC_SECRET),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.TOLLGATE_FINANCE_HMAC_SECRET === DEVELOPMENT_FINANCE_HMAC_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['TOLLGATE_FINANCE_HMAC_SECRET'],
        message: 'the development key is refused in production; set the key the finance systems sign with',
      });
    }
  })
  .transform((env) => ({ inbound: { hmacSecret: env.TOLLGATE_FINANCE_HMAC_SECRET } }));

/** The finance service's settings; see docs/operations.md for each variable. */
export const financeConfigSchema = z.intersection(serviceConfigSchema('finance', 3003), financeSettings);

export type FinanceConfig = ServiceConfig & z.infer<typeof financeSettings>;
