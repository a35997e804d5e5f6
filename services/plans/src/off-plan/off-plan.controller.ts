import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OffPlanView } from '@tollgate/contracts/views';
import { ApiErrorAnswers } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile } from '@tollgate/spreadsheets';
import { DataSource } from 'typeorm';
import { OrgNodeService } from '../org-node/org-node.service';
import { subjectNames } from '../sop-cycle/subject-names';
import { exceptionSubjects, exceptionView } from './off-plan-view';
import { offPlanSheets } from './off-plan-export';
import { OffPlanExportQuery } from './off-plan-export.query';
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
    return this.view(id, query.period);
  }

  @Get(':id/off-plan/export')
  @ApiSpreadsheetFile('What is off plan under the node in a month, as `GET /api/org-nodes/:id/off-plan` lists it: the most at risk first, each with its owner, figures in words, value at risk and recurrence (Off plan), and Notes')
  async export(@Param('id') id: string, @Query() query: OffPlanExportQuery) {
    const node = await this.nodes.get(id);
    const view = await this.view(id, query.period);
    return spreadsheetFile(query, `off-plan-${view.period}`, offPlanSheets(view, node.name, new Date().toISOString()));
  }

  private async view(id: string, period: string | undefined): Promise<OffPlanView> {
    const now = Date.now();
    const month = period ?? new Date(now).toISOString().slice(0, 7);
    const { currency, exceptions } = await this.offPlan.find(id, month, now);
    const names = await subjectNames(this.dataSource, exceptionSubjects(exceptions));
    return { orgNodeId: id, period: month, currency, asOf: new Date(now).toISOString(), total: exceptions.length, exceptions: exceptions.map((exception) => exceptionView(exception, names)) };
  }
}
