import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { ApiCreatedOrExisting, ApiErrorAnswers, idempotencyKey } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile, SpreadsheetFormatQuery } from '@tollgate/spreadsheets';
import { PlanService } from '../plan/plan.service';
import { CompleteStepDto, MitigationDto, SopDecisionDto } from './dtos/sop-commands.dto';
import { SopCycleSetupDto } from './dtos/sop-cycle-setup.dto';
import { SopCyclesQuery } from './dtos/sop-cycles.query';
import { StartSopCycleDto } from './dtos/start-sop-cycle.dto';
import { sopCycleSheets } from './sop-cycle-export';
import { SopCycleSetupService } from './sop-cycle-setup.service';
import { SopCycleService } from './sop-cycle.service';
import type { MattersArisingView, SopAgendaView, SopCycleListView, SopCycleView } from '@tollgate/contracts/views';

interface StatusResponse {
  status(code: number): unknown;
}

const ANSWERS = {
  notFound: 'unknown org node, cycle or exception, or the node has no S&OP setup',
  conflict: 'the command does not fit the cycle: another step is current, a mitigation already sent, a pivot already decided, the cycle published',
  unprocessable: 'a rule is not met: no setup to start from, a blank rationale or action, an unusable duration; `unmet` lists each',
  unavailable: 'Temporal cannot be reached now; retry, with the same Idempotency-Key',
};

@ApiTags('S&OP cycles')
@ApiBearerAuth()
@ApiErrorAnswers(ANSWERS)
@Controller()
export class SopCycleController {
  constructor(
    private readonly cycles: SopCycleService,
    private readonly setups: SopCycleSetupService,
    private readonly plans: PlanService,
  ) {}

  @Put('org-nodes/:id/sop-cycle-setup')
  @Roles('admin')
  @ApiCreatedOrExisting({ created: 'the setup, the node had none', existing: 'the setup, replaced' })
  @ApiOperation({ summary: "How the node runs its cycles: each step's owner (the executive S&OP's chairs), durations, the mitigation window, and the monthly schedule" })
  async writeSetup(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: SopCycleSetupDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.setups.write(principal, id, dto);
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get('org-nodes/:id/sop-cycle-setup')
  @ApiOperation({ summary: "The node's S&OP setup and the next starts of its schedule" })
  showSetup(@Param('id') id: string) {
    return this.setups.show(id);
  }

  @Post('sop-cycles')
  @Roles('admin', 'pmo')
  @ApiCreatedOrExisting({ created: 'the cycle, started', existing: 'the cycle of that node and period, already there' })
  @ApiOperation({ summary: 'Starts the node’s cycle for a period on demand (201), or answers the one already there (200); announced as plans.cycle-started' })
  async start(@CurrentPrincipal() principal: Principal, @Body() dto: StartSopCycleDto, @Res({ passthrough: true }) response: StatusResponse): Promise<SopCycleView> {
    const result = await this.cycles.start(principal, dto);
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get('sop-cycles')
  @ApiOperation({ summary: 'The cycles of a node, newest period first' })
  list(@Query() query: SopCyclesQuery): Promise<SopCycleListView> {
    return this.cycles.list(query.orgNodeId);
  }

  @Get('sop-cycles/:cycleId')
  @ApiOperation({ summary: 'A cycle: its steps with owners, deadlines and who completed them, its escalations and decisions' })
  show(@Param('cycleId') cycleId: string): Promise<SopCycleView> {
    return this.cycles.show(cycleId);
  }

  @Get('sop-cycles/:cycleId/agenda')
  @ApiOperation({ summary: 'The executive agenda: only deviations (exceptions with their mitigations), escalations and proposed pivots' })
  agenda(@Param('cycleId') cycleId: string): Promise<SopAgendaView> {
    return this.cycles.agenda(cycleId);
  }

  @Get('sop-cycles/:cycleId/matters-arising')
  @ApiOperation({
    summary: "What the cycle opens with: the decisions of the node's last three cycles, each with what became of the actions it asked for, and every action of an earlier cycle still open",
  })
  mattersArising(@Param('cycleId') cycleId: string): Promise<MattersArisingView> {
    return this.cycles.mattersArising(cycleId);
  }

  @Get('sop-cycles/:cycleId/decisions')
  @ApiOperation({ summary: 'The decisions recorded in the cycle: who decided what, when, why, and what it did' })
  decisions(@Param('cycleId') cycleId: string) {
    return this.cycles.decisions(cycleId);
  }

  @Get('sop-cycles/:cycleId/export')
  @ApiSpreadsheetFile(
    'The agenda and decisions as a spreadsheet: the exceptions of `GET /api/sop-cycles/:cycleId/agenda` by unit (Value exceptions, Capacity exceptions, Escalated initiatives, Other exceptions) with their mitigations, the Actions the decisions asked for, Escalations, Pivots, the Decisions of `GET /api/sop-cycles/:cycleId/decisions`, and Notes',
  )
  async export(@Param('cycleId') cycleId: string, @Query() query: SpreadsheetFormatQuery) {
    const cycle = await this.cycles.show(cycleId);
    const [agenda, decisions, actions, plan] = await Promise.all([
      this.cycles.agenda(cycleId),
      this.cycles.decisions(cycleId),
      this.cycles.actionsOf(cycleId),
      this.plans.planOfRecord(cycle.orgNodeId),
    ]);
    // The currency the exceptions were found in: the plan of record's, as the exception finder takes it.
    const currency = plan?.currency ?? DEFAULT_CURRENCY;
    return spreadsheetFile(query, `sop-cycle-${cycle.period}`, sopCycleSheets({ cycle, agenda, decisions, actions, currency }, new Date().toISOString()));
  }

  @Post('sop-cycles/:cycleId/steps/:step/completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'The step’s owner (or a PMO) completes the current step; pre-S&OP raises the exceptions, the executive S&OP gets the proposed pivots' })
  completeStep(
    @CurrentPrincipal() principal: Principal,
    @Param('cycleId') cycleId: string,
    @Param('step') step: string,
    @Body() dto: CompleteStepDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.cycles.completeStep(principal, cycleId, step, dto.note, idempotencyKey(key));
  }

  @Post('sop-cycles/:cycleId/exceptions/:exceptionId/mitigation')
  @HttpCode(200)
  @ApiOperation({ summary: 'The exception’s owner sends its mitigation: an action, who carries it out, by when' })
  mitigate(
    @CurrentPrincipal() principal: Principal,
    @Param('cycleId') cycleId: string,
    @Param('exceptionId') exceptionId: string,
    @Body() dto: MitigationDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.cycles.submitMitigation(principal, cycleId, exceptionId, dto, idempotencyKey(key));
  }

  @Post('sop-cycles/:cycleId/decisions')
  @ApiOperation({ summary: 'The chair (or a PMO) records a decision at the executive S&OP; an approved pivot holds and resumes initiatives, a promotion makes a scenario the plan of record' })
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('cycleId') cycleId: string,
    @Body() dto: SopDecisionDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.cycles.decide(principal, cycleId, dto, idempotencyKey(key));
  }
}
