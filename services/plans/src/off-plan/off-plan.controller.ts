import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OffPlanView } from '@tollgate/contracts/views';
import { ApiErrorAnswers } from '@tollgate/platform';
import { DataSource } from 'typeorm';
import { OrgNodeService } from '../org-node/org-node.service';
import { subjectNames } from '../sop-cycle/subject-names';
import { exceptionSubjects, exceptionView } from './off-plan-view';
import { OffPlanQuery } from './off-plan.query';
import { OffPlanService } from './off-plan.service';

// Every signed-in role reads what is off plan, as it reads the portfolio.
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown org node' })
@Controller('org-nodes')
export class OffPlanController {
  constructor(
    private readonly offPlan: OffPlanService,
    private readonly nodes: OrgNodeService,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':id/off-plan')
  @ApiOperation({
    summary:
      "What is off plan under the node in a month, by the same rule as the S&OP agenda: forecast under target (the month and the year to date) or off plan, demand beyond capacity, escalated initiatives with their late milestone, phantom progress, overdue actions; each with its owner, figures, value at risk and recurrence, the most at risk first",
  })
  async show(@Param('id') id: string, @Query() query: OffPlanQuery): Promise<OffPlanView> {
    await this.nodes.get(id); // 404 for an unknown node
    const now = Date.now();
    const period = query.period ?? new Date(now).toISOString().slice(0, 7);
    const { currency, exceptions } = await this.offPlan.find(id, period, now);
    const names = await subjectNames(this.dataSource, exceptionSubjects(exceptions));
    return { orgNodeId: id, period, currency, asOf: new Date(now).toISOString(), total: exceptions.length, exceptions: exceptions.map((exception) => exceptionView(exception, names)) };
  }
}
