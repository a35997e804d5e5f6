import { BadRequestException, Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { accuracyByFamily, repeatedPlanCells } from '@tollgate/domain';
import { DataSource } from 'typeorm';
import type { ActualDemandDto } from './dtos/plan-cells.dto';
import type { ForecastAccuracyQuery } from './dtos/forecast-accuracy.query';
import { PlanActual } from './plan-actual.entity';
import { cellsOf, requireOrgNode } from './plan-cells';
import { Plan } from './plan.entity';
import { PlanError } from './plan.error';
import type { ForecastAccuracyView } from '@tollgate/contracts/views';

function actualView(actual: PlanActual) {
  return { family: actual.family, period: actual.period, volume: actual.volume, postedBy: actual.postedBy, postedAt: actual.postedAt.toISOString() };
}

/** Demand as it happened, and how well the plan of record forecast it. */
@Injectable()
export class PlanActualService {
  constructor(private readonly dataSource: DataSource) {}

  /** Posts actual demand; a family and period posted again replaces the earlier figure. */
  async post(principal: Principal, nodeId: string, dto: ActualDemandDto) {
    return this.dataSource.transaction(async (manager) => {
      await requireOrgNode(manager, nodeId);
      const repeated = repeatedPlanCells(dto.demand.map((cell) => ({ line: 'demand' as const, family: cell.family, period: cell.period })));
      if (repeated.length > 0) throw PlanError.repeatedCells(repeated);
      const postedAt = new Date();
      const rows = dto.demand.map((cell) => ({ orgNodeId: nodeId, family: cell.family, period: cell.period, volume: cell.volume, postedBy: principal.sub, postedAt }));
      if (rows.length > 0) await manager.upsert(PlanActual, rows, ['orgNodeId', 'family', 'period']);
      return { orgNodeId: nodeId, demand: rows.map(actualView) };
    });
  }

  /** The plan of record's demand against the actuals, per family, over the periods that have both. */
  async forecastAccuracy(nodeId: string, query: ForecastAccuracyQuery): Promise<ForecastAccuracyView> {
    if (query.from && query.to && query.from > query.to) throw new BadRequestException('from must not come after to');
    const manager = this.dataSource.manager;
    await requireOrgNode(manager, nodeId);
    const record = await manager.findOneBy(Plan, { orgNodeId: nodeId, kind: 'record' });
    if (!record) throw PlanError.noPlanOfRecord(nodeId, 'not_found');
    const [cells, actuals] = await Promise.all([cellsOf(manager, record.id), manager.findBy(PlanActual, { orgNodeId: nodeId })]);
    const families = accuracyByFamily(
      cells,
      actuals.map((actual) => ({ family: actual.family, period: actual.period, volume: actual.volume })),
      { from: query.from, to: query.to },
    );
    return { orgNodeId: nodeId, planId: record.id, from: query.from ?? null, to: query.to ?? null, families };
  }
}
