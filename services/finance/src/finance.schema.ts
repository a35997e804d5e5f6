import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { InitialSchema1764028800000 } from '../migrations/1764028800000-initial-schema';

/** The entities of the finance schema and the migrations that build it, in order. */
export const FINANCE_ENTITIES: Function[] = [StackProbe, StackProbeReceipt];
export const FINANCE_MIGRATIONS: Function[] = [InitialSchema1764028800000];
