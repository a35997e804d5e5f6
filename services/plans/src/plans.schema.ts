import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { InitialSchema1764028800000 } from '../migrations/1764028800000-initial-schema';

/** The entities of the plans schema and the migrations that build it, in order. */
export const PLANS_ENTITIES: Function[] = [StackProbe, StackProbeReceipt];
export const PLANS_MIGRATIONS: Function[] = [InitialSchema1764028800000];
