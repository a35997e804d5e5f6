import { Injectable } from '@nestjs/common';
import {
  initiativeWorkflowId,
  TOPICS,
  type EventType,
  type InitiativeProjectionActivities,
  type LifecycleChange,
  type NewEvent,
  type ProjectionOutcome,
} from '@tollgate/contracts';
import {
  confirmedValueOf,
  EMPTY_AUDIT_CHAIN_HEAD,
  normalizeTitle,
  plannedValueOf,
  sealAuditRecords,
  storableText,
  totalForecast,
  type AuditChainHead,
  type LifecycleState,
} from '@tollgate/domain';
import { columnArraysInsert, insertAsColumnArrays, OutboxMessage, outboxMessagesOf, OutboxRelayHost, permanentStorageRefusal, writeInOneStatement, type SqlPart } from '@tollgate/messaging';
import type { ActivityProvider } from '@tollgate/temporal';
import { Context } from '@temporalio/activity';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { auditDigest } from './audit-digest';
import { AuditEntry } from './audit-entry.entity';
import { ProjectionFailure } from '../projection-failure/projection-failure.entity';
import { gateRecordOf } from '../gate/gate-record';
import { GateRequestRecord } from '../gate/gate-request.entity';
import { Initiative } from './initiative.entity';
import { LifecycleMetrics } from './lifecycle-metrics';
import { ProjectionFreshness } from './projection-freshness';

/** The changes that touch a gate request: submitting, deciding, and what withdraws a pending one. */
const GATE_ACTIONS: ReadonlySet<LifecycleChange['action']> = new Set(['gate_requested', 'gate_approved', 'gate_rejected', 'stage_changed', 'rolled_back', 'cancelled']);

/**
 * The activity that carries a lifecycle workflow's changes into this
 * service's tables: state, gate requests, audit entries and the outbox
 * events, in one transaction. A retried activity finds its revisions
 * already written and changes nothing. New audit entries are chained by hash
 * to the last one stored, in revision order, and the initiative keeps the
 * chain's head.
 */
@Injectable()
export class InitiativeProjection implements ActivityProvider {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
    private readonly metrics: LifecycleMetrics,
    private readonly freshness: ProjectionFreshness,
  ) {}

  activities(): InitiativeProjectionActivities {
    return { projectLifecycleChange: (input) => this.project(input.state, input.changes) };
  }

  async project(state: LifecycleState, changes: LifecycleChange[]): Promise<ProjectionOutcome> {
    const correlationId = currentWorkflowId() ?? initiativeWorkflowId(state.initiativeId);
    let wrote: LifecycleChange[] | null;
    try {
      wrote = await this.write(state, changes, correlationId);
    } catch (error) {
      const refusal = permanentStorageRefusal(error);
      if (!refusal) throw error;
      // The trail records what the workflow did, and who did it, even when the rest of its projection is
      // refused, in the same transaction as the failure (a retry must not take the written entries for a
      // projection done); only a change the trail itself cannot hold is left to verification to report.
      // Retrying would fail the same way for ever and hold every later command behind it.
      await this.recordRefusal(state, changes, correlationId, refusal);
      // Nothing will bring these revisions: reads must not wait for them.
      this.freshness.projectedRevision(state.initiativeId, state.revision);
      return { outcome: 'refused', reason: refusal };
    }
    this.freshness.projectedRevision(state.initiativeId, state.revision);
    if (wrote) {
      this.metrics.projected(wrote);
      this.relay.relay.nudge();
    }
    return { outcome: wrote ? 'projected' : 'already_projected' };
  }

  private async recordRefusal(state: LifecycleState, changes: LifecycleChange[], workflowId: string, reason: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const current = await this.lockInitiative(manager, state.initiativeId);
        const appended = await this.appendAudit(manager, state, changes, current);
        if (appended && current) await manager.update(Initiative, { id: state.initiativeId }, { auditHeadRevision: appended.head.revision, auditHeadHash: appended.head.hash });
        await this.insertFailure(manager, state, changes, workflowId, reason);
      });
    } catch (error) {
      if (!permanentStorageRefusal(error)) throw error;
      // The trail cannot hold these changes either: the failure alone, for verification to name them.
      await this.insertFailure(this.dataSource.manager, state, changes, workflowId, reason);
    }
    this.metrics.projectionRefused();
  }

  private async insertFailure(manager: EntityManager, state: LifecycleState, changes: LifecycleChange[], workflowId: string, reason: string): Promise<void> {
    const revisions = changes.map((change) => change.revision);
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectionFailure)
      .values({
        initiativeId: state.initiativeId,
        firstRevision: Math.min(...revisions),
        lastRevision: Math.max(...revisions),
        actions: changes.map((change) => change.action).join(',').slice(0, 500),
        reason: storableText(reason, 2000),
        workflowId,
        failedAt: new Date(),
      })
      .orIgnore()
      .execute();
  }

  /**
   * The projection of the changes in one transaction of five round trips:
   * its start, the row lock, what of the trail is there, one statement that
   * writes the trail, the events, the gate requests and the row, and the commit.
   */
  private async write(state: LifecycleState, changes: LifecycleChange[], correlationId: string): Promise<LifecycleChange[] | null> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockInitiative(manager, state.initiativeId);
      const sealed = await this.sealFresh(manager, state, changes, current);
      if (!sealed) return null;
      const { fresh, entries, head } = sealed;
      const { connection } = manager;
      const writes: ((firstParameter: number) => SqlPart)[] = [(firstParameter) => columnArraysInsert(connection, AuditEntry, entries, { firstParameter })];
      const { messages } = outboxMessagesOf(
        TOPICS.initiativesEvents,
        fresh.flatMap((change) =>
          change.events.map((event) => ({ type: event.type, source: 'tollgate/initiatives', subject: state.initiativeId, correlationId, data: event.data }) as NewEvent<EventType>),
        ),
      );
      if (messages.length > 0) writes.push((firstParameter) => columnArraysInsert(connection, OutboxMessage, messages, { firstParameter }));
      if (!current || current.revision < state.revision) {
        if (fresh.some((change) => GATE_ACTIONS.has(change.action)) && state.gateRequests.length > 0) {
          const gates = state.gateRequests.map((request) => gateRecordOf(state.initiativeId, request));
          writes.push((firstParameter) => columnArraysInsert(connection, GateRequestRecord, gates, { firstParameter, conflictOn: ['id'] }));
        }
        const row = this.rowOf(state, current, head);
        writes.push((firstParameter) => columnArraysInsert(connection, Initiative, [row], { firstParameter, conflictOn: ['id'] }));
      }
      await writeInOneStatement(manager, writes);
      return fresh;
    });
  }

  /** The initiative's row, locked, with only what a write needs: the stored state is the largest column by far. */
  private async lockInitiative(manager: EntityManager, initiativeId: string): Promise<Initiative | null> {
    // Written out rather than built: this runs for every change, and TypeORM's query building costs more than the query.
    const [row] = (await manager.query(
      `SELECT id, revision, created_at AS "createdAt", audit_head_revision AS "auditHeadRevision", audit_head_hash AS "auditHeadHash"
         FROM initiatives.initiative WHERE id = $1 FOR UPDATE`,
      [initiativeId],
    )) as Initiative[];
    return row ?? null;
  }

  /**
   * The audit entries of the changes not yet in the trail, sealed onto the chain where it goes on; null when
   * every one is there already. The head is where the chain ends once they are in.
   */
  private async sealFresh(
    manager: EntityManager,
    state: LifecycleState,
    changes: LifecycleChange[],
    current: Initiative | null,
  ): Promise<{ fresh: LifecycleChange[]; entries: Partial<AuditEntry>[]; head: AuditChainHead } | null> {
    const revisions = changes.map((change) => change.revision);
    // The entries of these revisions, and the one just below: what is already written, and where the chain goes on.
    const stored = (await manager.query(`SELECT revision, hash FROM initiatives.audit_entry WHERE initiative_id = $1 AND revision BETWEEN $2 AND $3`, [
      state.initiativeId,
      Math.min(...revisions) - 1,
      Math.max(...revisions),
    ])) as AuditChainHead[];
    const fresh = changes.filter((change) => !stored.some((entry) => entry.revision === change.revision));
    if (fresh.length === 0) return null;
    const firstFresh = Math.min(...fresh.map((change) => change.revision));
    const sealed = sealAuditRecords(
      fresh.map((change) => ({
        initiativeId: state.initiativeId,
        revision: change.revision,
        action: change.action,
        actorId: change.actorId,
        at: new Date(change.at).toISOString(),
        // Sealed as the database gives them back: a missing reason reads as null.
        reason: change.reason ?? null,
        evidence: change.evidence ?? null,
        details: change.details,
      })),
      stored.find((entry) => entry.revision === firstFresh - 1) ?? (await this.lastSealed(manager, state.initiativeId, firstFresh)),
      auditDigest,
    );
    const last = sealed[sealed.length - 1];
    // The head only moves forward: a late lower revision must not hide the ones above it.
    const head = current && current.auditHeadRevision > last.revision ? { revision: current.auditHeadRevision, hash: current.auditHeadHash } : last;
    return { fresh, entries: sealed.map((record) => ({ ...record, at: new Date(record.at) }) as Partial<AuditEntry>), head };
  }

  /** The changes not yet in the trail appended to it, as {@link sealFresh} seals them; null when none is new. */
  private async appendAudit(manager: EntityManager, state: LifecycleState, changes: LifecycleChange[], current: Initiative | null) {
    const sealed = await this.sealFresh(manager, state, changes, current);
    if (sealed) await insertAsColumnArrays(manager, AuditEntry, sealed.entries);
    return sealed;
  }

  /** The stored entry the first new revision follows (the one just below it), or the genesis. */
  private async lastSealed(manager: EntityManager, initiativeId: string, revision: number): Promise<AuditChainHead> {
    const previous = await manager.findOne(AuditEntry, {
      select: { revision: true, hash: true },
      where: { initiativeId, revision: LessThan(revision) },
      order: { revision: 'DESC' },
    });
    return previous ?? EMPTY_AUDIT_CHAIN_HEAD;
  }

  /** The initiative's row as the state leaves it. */
  private rowOf(state: LifecycleState, current: Initiative | null, head: AuditChainHead): Initiative {
    return {
      id: state.initiativeId,
      code: state.code,
      title: state.title,
      titleKey: normalizeTitle(state.title).slice(0, 200),
      programId: state.programId,
      ownerId: state.ownerId,
      sponsorId: state.sponsorId,
      controllerId: state.controllerId,
      stage: state.stage,
      status: state.status,
      closureState: state.closure.state,
      currency: state.currency,
      plannedValue: plannedValueOf(state),
      forecastValue: totalForecast(state.measures),
      confirmedValue: confirmedValueOf(state),
      workflowId: initiativeWorkflowId(state.initiativeId),
      revision: state.revision,
      state,
      auditHeadRevision: head.revision,
      auditHeadHash: head.hash,
      createdAt: current?.createdAt ?? new Date(state.createdAt),
      updatedAt: new Date(),
    };
  }
}

function currentWorkflowId(): string | undefined {
  try {
    return Context.current().info.workflowExecution?.workflowId;
  } catch {
    return undefined; // called outside an activity, as in a test
  }
}
