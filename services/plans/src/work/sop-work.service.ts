import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { DataSource } from 'typeorm';
import { subjectId, subjectName, subjectNames } from '../sop-cycle/subject-names';
import { storedInstant } from '../sop-cycle/stored-instant';
import type { MissingMitigationsView } from '@tollgate/contracts/views';

interface MissingMitigationRow {
  exception_id: string;
  cycle_id: string;
  org_node_id: string;
  node_name: string;
  period: string;
  kind: string;
  subject: string;
  owner_id: string;
  state: string;
  chair_id: string;
  mitigation_due_at: string | null;
}

/**
 * The S&OP work that waits on a person: the mitigations they owe, and, for a
 * chair, every mitigation still missing in the cycles they chair. Only open
 * cycles count: a published cycle takes no more mitigations.
 */
@Injectable()
export class SopWorkService {
  constructor(private readonly dataSource: DataSource) {}

  async missingMitigations(principal: Principal): Promise<MissingMitigationsView> {
    const rows = (await this.dataSource.query(
      `SELECT exception.id AS exception_id, exception.cycle_id, exception.org_node_id, node.name AS node_name, exception.period, exception.kind,
              exception.subject, exception.owner_id, exception.state, cycle.chair_id, cycle.state->>'mitigationDueAt' AS mitigation_due_at
         FROM plans.sop_exception exception
         JOIN plans.sop_cycle cycle ON cycle.id = exception.cycle_id
         JOIN plans.org_node node ON node.id = exception.org_node_id
        WHERE exception.mitigation IS NULL AND cycle.step <> 'published'
          AND (exception.owner_id = $1 OR cycle.chair_id = $1)
        ORDER BY exception.period DESC, node.name, exception.kind, exception.id
        LIMIT 500`,
      [principal.sub],
    )) as MissingMitigationRow[];
    const names = await subjectNames(this.dataSource, rows.map((row) => subjectId(row.subject)));
    return {
      items: rows.map((row) => ({
        exceptionId: row.exception_id,
        cycleId: row.cycle_id,
        orgNodeId: row.org_node_id,
        nodeName: row.node_name,
        period: row.period,
        kind: row.kind,
        subject: row.subject,
        subjectName: subjectName(row.subject, names),
        ownerId: row.owner_id,
        escalated: row.state === 'escalated',
        // Why it is on the caller's list: they owe it, or they chair the cycle that waits for it.
        as: row.owner_id === principal.sub ? 'owner' : 'chair',
        mitigationDueAt: storedInstant(row.mitigation_due_at),
      })),
    };
  }
}
