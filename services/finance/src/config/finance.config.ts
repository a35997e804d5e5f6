import { serviceConfigSchema } from '@tollgate/config';

/** The finance service's settings; see README for each variable. */
export const financeConfigSchema = serviceConfigSchema('finance', 3003);
