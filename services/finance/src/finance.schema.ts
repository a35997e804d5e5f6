import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { InitialSchema1764028800000 } from '../migrations/1764028800000-initial-schema';
import { ValueLedger1764201600000 } from '../migrations/1764201600000-value-ledger';
import { LifecycleDelivery1764720000000 } from '../migrations/1764720000000-lifecycle-delivery';
import { LifecycleDeliveryOrder1764806400000 } from '../migrations/1764806400000-lifecycle-delivery-order';
import { OutboxTraceContext1765065600000 } from '../migrations/1765065600000-outbox-trace-context';
import { ClosureRejection } from './confirmation/closure-rejection.entity';
import { Confirmation } from './confirmation/confirmation.entity';
import { LifecycleDelivery } from './delivery/lifecycle-delivery.entity';
import { LedgerInitiative } from './ledger/ledger-initiative.entity';
import { MeasureValue } from './ledger/measure-value.entity';

/** The entities of the finance schema and the migrations that build it, in order. */
export const FINANCE_ENTITIES: Function[] = [StackProbe, StackProbeReceipt, LedgerInitiative, MeasureValue, Confirmation, ClosureRejection, LifecycleDelivery];
export const FINANCE_MIGRATIONS: Function[] = [InitialSchema1764028800000, ValueLedger1764201600000, LifecycleDelivery1764720000000, LifecycleDeliveryOrder1764806400000, OutboxTraceContext1765065600000];
