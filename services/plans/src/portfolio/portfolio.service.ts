import { Injectable } from '@nestjs/common';
import { portfolioSummary, type Stage } from '@tollgate/domain';
import { DataSource } from 'typeorm';
import { OrgNodeService } from '../org-node/org-node.service';

/** The portfolio under any node of the hierarchy, rolled up per stage. */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: OrgNodeService,
  ) {}

  async summary(orgNodeId: string, currency: string) {
    await this.nodes.get(orgNodeId); // 404 for an unknown node
    // Cancelled initiatives promise nothing any more: they stay out of the portfolio's value.
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE subtree AS (
         SELECT id, kind FROM plans.org_node WHERE id = $1
         UNION ALL
         SELECT child.id, child.kind FROM plans.org_node child JOIN subtree ON child.parent_id = subtree.id
       ),
       confirmed AS (
         SELECT initiative_id, SUM(amount) AS amount FROM plans.portfolio_confirmation WHERE currency = $2 GROUP BY initiative_id
       )
       SELECT initiative.stage, COUNT(*) AS count, SUM(initiative.planned) AS planned, SUM(initiative.forecast) AS forecast,
              COALESCE(SUM(confirmed.amount), 0) AS confirmed
         FROM plans.portfolio_initiative initiative
         JOIN subtree ON subtree.kind = 'program' AND subtree.id::text = initiative.program_id
         LEFT JOIN confirmed ON confirmed.initiative_id = initiative.initiative_id
        WHERE initiative.currency = $2 AND initiative.status <> 'cancelled'
        GROUP BY initiative.stage`,
      [orgNodeId, currency],
    )) as { stage: number; count: string; planned: string; forecast: string; confirmed: string }[];
    const figures = rows.map((row) => ({
      stage: Number(row.stage) as Stage,
      count: Number(row.count),
      planned: Number(row.planned),
      forecast: Number(row.forecast),
      confirmed: Number(row.confirmed),
    }));
    return { orgNodeId, currency, ...portfolioSummary(figures) };
  }
}
