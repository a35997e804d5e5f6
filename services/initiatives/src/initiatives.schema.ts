import { FeedSourceKeyRecord, FeedSourceRecord } from '@tollgate/feeds';
import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { InitialSchema1764028800000 } from '../migrations/1764028800000-initial-schema';
import { InitiativeLifecycle1764115200000 } from '../migrations/1764115200000-initiative-lifecycle';
import { ProjectionFailure1764806400000 } from '../migrations/1764806400000-projection-failure';
import { AuditChain1764892800000 } from '../migrations/1764892800000-audit-chain';
import { AuditChainBackfill1764892800001 } from '../migrations/1764892800001-audit-chain-backfill';
import { AuditChainRequired1764892800002 } from '../migrations/1764892800002-audit-chain-required';
import { FeedSources1764979200000 } from '../migrations/1764979200000-feed-sources';
import { InitiativeImport1764979200001 } from '../migrations/1764979200001-initiative-import';
import { OutboxTraceContext1765065600000 } from '../migrations/1765065600000-outbox-trace-context';
import { ImportPerUploader1765152000000 } from '../migrations/1765152000000-import-per-uploader';
import { InitiativeImportRow } from './import/initiative-import-row.entity';
import { InitiativeImport } from './import/initiative-import.entity';
import { AuditEntry } from './projection/audit-entry.entity';
import { GateRequestRecord } from './gate/gate-request.entity';
import { Initiative } from './projection/initiative.entity';
import { KnownOrgNode } from './program/known-org-node.entity';
import { ProjectionFailure } from './projection-failure/projection-failure.entity';

/** The entities of the initiatives schema and the migrations that build it, in order. */
export const INITIATIVES_ENTITIES: Function[] = [
  StackProbe,
  StackProbeReceipt,
  Initiative,
  GateRequestRecord,
  AuditEntry,
  KnownOrgNode,
  ProjectionFailure,
  // The planning systems registered for the measure-forecast feed.
  FeedSourceRecord,
  FeedSourceKeyRecord,
  // Spreadsheet imports and their rows.
  InitiativeImport,
  InitiativeImportRow,
];
export const INITIATIVES_MIGRATIONS: Function[] = [
  InitialSchema1764028800000,
  InitiativeLifecycle1764115200000,
  ProjectionFailure1764806400000,
  AuditChain1764892800000,
  AuditChainBackfill1764892800001,
  AuditChainRequired1764892800002,
  FeedSources1764979200000,
  InitiativeImport1764979200001,
  OutboxTraceContext1765065600000,
  ImportPerUploader1765152000000,
];
