import { serviceConfigSchema } from '@tollgate/config';

/** The initiatives service's settings; see README for each variable. */
export const initiativesConfigSchema = serviceConfigSchema('initiatives', 3002);
