import { Injectable } from '@nestjs/common';
import type { DecisionLogView } from '@tollgate/contracts/views';
import { shareMet } from '@tollgate/domain';
import { DataSource } from 'typeorm';
import { idsInSubtreeOf } from '../org-node/node-subtree';
import { OrgNodeService } from '../org-node/org-node.service';
import { subjectNames } from '../sop-cycle/subject-names';
import type { DecisionLogQuery } from './decision-log.query';
import { SopDecisionRecord } from './sop-decision.entity';

/** How many decisions a log answers; `total` counts them all. */
const LISTED = 500;

/** The decisions of the S&OP reviews across cycles, with what each expected and whether it held; filtered by node, chair, kind and outcome. */
@Injectable()
export class DecisionLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: OrgNodeService,
  ) {}

  async log(query: DecisionLogQuery): Promise<DecisionLogView> {
    if (query.orgNodeId) await this.nodes.get(query.orgNodeId);
    const builder = this.dataSource.getRepository(SopDecisionRecord).createQueryBuilder('decision');
    if (query.orgNodeId) {
      builder.andWhere(`decision.org_node_id IN ${idsInSubtreeOf(':node')}`, { node: query.orgNodeId });
    }
    if (query.chairId) builder.andWhere('decision.decided_by = :chair', { chair: query.chairId });
    if (query.kind) builder.andWhere('decision.kind = :kind', { kind: query.kind });
    if (query.outcome === 'met') builder.andWhere(`(decision.check_result->>'met')::boolean`);
    if (query.outcome === 'missed') builder.andWhere(`NOT (decision.check_result->>'met')::boolean`);
    if (query.outcome === 'pending') builder.andWhere('decision.expects IS NOT NULL AND decision.check_result IS NULL');
    const [records, total] = await builder.orderBy('decision.decided_at', 'DESC').addOrderBy('decision.id').take(LISTED).getManyAndCount();
    const names = await subjectNames(this.dataSource, [...new Set(records.map((record) => record.orgNodeId))]);
    const byNode = new Map<string, SopDecisionRecord[]>();
    for (const record of records) byNode.set(record.orgNodeId, [...(byNode.get(record.orgNodeId) ?? []), record]);
    return {
      total,
      nodes: [...byNode].map(([orgNodeId, decided]) => {
        const checked = decided.flatMap((record) => (record.checkResult ? [record.checkResult] : []));
        return { orgNodeId, name: names.get(orgNodeId) ?? null, decisions: decided.length, checked: checked.length, met: checked.filter((check) => check.met).length, shareMet: shareMet(checked) };
      }),
      decisions: records.map((record) => ({
        decisionId: record.id,
        cycleId: record.cycleId,
        orgNodeId: record.orgNodeId,
        nodeName: names.get(record.orgNodeId) ?? null,
        kind: record.kind,
        subject: record.subject,
        rationale: record.rationale,
        decidedBy: record.decidedBy,
        decidedAt: record.decidedAt.toISOString(),
        outcome: record.outcome,
        expects: record.expects,
        check: record.checkResult,
      })),
    };
  }
}
