import { serviceConfigSchema } from '@tollgate/config';

/** The plans service's settings; see README for each variable. */
export const plansConfigSchema = serviceConfigSchema('plans', 3001);
