import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { SOP_ACTION } from '@tollgate/contracts';
import type { SopActionListView } from '@tollgate/contracts/views';
import type { Actor } from '@tollgate/domain';
import { uuidFromKey } from '@tollgate/platform';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { idsInSubtreeOf } from '../org-node/node-subtree';
import { OrgNodeService } from '../org-node/org-node.service';
import { subjectNames } from '../sop-cycle/subject-names';
import type { CompleteActionDto, DropActionDto, SopActionsQuery } from './dtos/sop-action.dto';
import { actionView } from './sop-action-view';
import { SopActionRecord } from './sop-action.entity';
import { SopActionError } from './sop-action.error';
import { SopActionGateway } from './sop-action.gateway';

const actorOf = (principal: Principal): Actor => ({ id: principal.sub, roles: principal.roles });

/** How many actions a list answers; `total` says how many there are. */
const LISTED = 500;

/** Actions after the meeting: listed from their projection, closed through their workflow. */
@Injectable()
export class SopActionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: SopActionGateway,
    private readonly nodes: OrgNodeService,
  ) {}

  /** Overdue first, then the most value at risk, then the nearest date. */
  async list(query: SopActionsQuery, now = Date.now()): Promise<SopActionListView> {
    if (query.orgNodeId) await this.nodes.get(query.orgNodeId);
    const status = query.status ?? 'open';
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => `$${parameters.push(value)}`;
    if (query.orgNodeId) {
      conditions.push(`action.org_node_id IN ${idsInSubtreeOf(parameter(query.orgNodeId))}`);
    }
    if (status !== 'all') conditions.push(`action.status = ${parameter(status)}`);
    if (query.ownerId) conditions.push(`action.owner_id = ${parameter(query.ownerId)}`);
    if (query.chairId) conditions.push(`action.chair_id = ${parameter(query.chairId)}`);
    if (query.cycleId) conditions.push(`action.cycle_id = ${parameter(query.cycleId)}`);
    // An action answers a subject (an initiative, a node, a family) when the exception it mitigates is about it.
    if (query.subject) {
      conditions.push(`EXISTS (SELECT 1 FROM plans.sop_exception exception WHERE exception.id = action.exception_id AND exception.subject = ${parameter(query.subject)})`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const today = parameter(new Date(now).toISOString().slice(0, 10));
    const ids = (await this.dataSource.query(
      `SELECT action.id, COUNT(*) OVER () AS total FROM plans.sop_action action ${where}
        ORDER BY (action.status = 'open' AND action.due_date < ${today}::date) DESC, action.value_at_risk DESC NULLS LAST, action.due_date, action.id
        LIMIT ${LISTED}`,
      parameters,
    )) as { id: string; total: string }[];
    const records = await this.dataSource.getRepository(SopActionRecord).findBy(ids.map(({ id }) => ({ id })));
    const byId = new Map(records.map((record) => [record.id, record]));
    const ordered = ids.map(({ id }) => byId.get(id)!).filter(Boolean);
    const names = await subjectNames(this.dataSource, [...new Set(ordered.map((record) => record.orgNodeId))]);
    return { total: Number(ids[0]?.total ?? 0), actions: ordered.map((record) => actionView(record, now, names)) };
  }

  async show(actionId: string) {
    return actionView(await this.record(actionId));
  }

  async complete(principal: Principal, actionId: string, dto: CompleteActionDto, key?: string) {
    await this.record(actionId);
    await this.gateway.update(actionId, SOP_ACTION.complete, [{ actor: actorOf(principal), evidence: { text: dto.evidence.text, links: dto.evidence.links ?? [] } }], this.updateId('sop-action-done', principal, key));
    return actionView(await this.record(actionId));
  }

  async drop(principal: Principal, actionId: string, dto: DropActionDto, key?: string) {
    await this.record(actionId);
    await this.gateway.update(actionId, SOP_ACTION.drop, [{ actor: actorOf(principal), reason: dto.reason }], this.updateId('sop-action-drop', principal, key));
    return actionView(await this.record(actionId));
  }

  // The same Idempotency-Key names the same Temporal update: a retry answers the first result.
  private updateId(kind: string, principal: Principal, key?: string): string | undefined {
    return key ? uuidFromKey(kind, principal.sub, key) : undefined;
  }

  private async record(actionId: string): Promise<SopActionRecord> {
    const record = isUUID(actionId) ? await this.dataSource.getRepository(SopActionRecord).findOneBy({ id: actionId }) : null;
    if (!record) throw SopActionError.unknown(actionId);
    return record;
  }
}
