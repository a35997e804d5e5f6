import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting, idempotencyKey } from '@tollgate/platform';
import type { SideMove } from '@tollgate/domain';
import { CreateInitiativeDto } from './dtos/create-initiative.dto';
import { ApiInitiativeErrors } from './dtos/error-body.dto';
import {
  ForecastDto,
  GateDecisionDto,
  GateRequestDto,
  MilestoneCompletionDto,
  MilestoneReplanDto,
  PlanRevisionDto,
  ReasonDto,
} from './dtos/lifecycle-commands.dto';
import { FreshReadQuery } from './dtos/fresh-read.query';
import { ListInitiativesQuery } from './dtos/list-initiatives.query';
import { InitiativeService } from './initiative.service';
import type { AuditEntryView, CreatedInitiativeView, InitiativePageView, InitiativeView } from '@tollgate/contracts/views';

interface StatusResponse {
  status(code: number): unknown;
}

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'a retried request with the same key is applied once and answers the first result',
};

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@ApiInitiativeErrors()
@Controller('initiatives')
export class InitiativeController {
  constructor(private readonly initiatives: InitiativeService) {}

  @Post()
  @ApiCreatedOrExisting({ created: 'the initiative, at stage 0, its lifecycle started', existing: 'the initiative created before with the same Idempotency-Key' })
  @ApiOperation({ summary: 'Define an initiative (stage 0) and start its lifecycle; 200 when the Idempotency-Key was seen before' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateInitiativeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<CreatedInitiativeView> {
    const result = await this.initiatives.create(principal, dto, idempotencyKey(key));
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'A page of initiatives, filtered by program, stage and status' })
  list(@Query() query: ListInitiativesQuery): Promise<InitiativePageView> {
    return this.initiatives.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One initiative; with minRevision, at least the revision a command answered' })
  get(@Param('id') id: string, @Query() query: FreshReadQuery): Promise<InitiativeView> {
    return this.initiatives.get(id, query.minRevision);
  }

  @Get(':id/audit')
  @ApiOperation({ summary: 'Every change of the initiative: who, when, why, with what evidence' })
  audit(@Param('id') id: string, @Query() query: FreshReadQuery): Promise<AuditEntryView[]> {
    return this.initiatives.auditTrail(id, query.minRevision);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Revise the plan (controller, measures, one-time costs, milestones) before stage 3; the owner only' })
  revise(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: PlanRevisionDto, @Headers('idempotency-key') key?: string) {
    return this.initiatives.revisePlan(principal, id, dto, idempotencyKey(key));
  }

  @Post(':id/gate-requests')
  @ApiOperation({ summary: 'Request the gate to the next stage with evidence; 422 names every unmet criterion' })
  requestGate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: GateRequestDto, @Headers('idempotency-key') key?: string) {
    return this.initiatives.requestGate(principal, id, dto.targetStage, dto.evidence, idempotencyKey(key));
  }

  @Post(':id/gate-requests/:requestId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or reject (with a reason) a pending gate request' })
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('requestId') requestId: string,
    @Body() dto: GateDecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.initiatives.decideGate(principal, id, requestId, dto.approve, dto.comment ?? '', idempotencyKey(key));
  }

  @Post(':id/milestones/:milestoneId/complete')
  @HttpCode(200)
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('milestoneId') milestoneId: string,
    @Body() dto: MilestoneCompletionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.initiatives.completeMilestone(principal, id, milestoneId, dto.evidence, idempotencyKey(key));
  }

  @Post(':id/milestones/:milestoneId/replan')
  @HttpCode(200)
  @ApiOperation({ summary: "Move a milestone's due date: a change the sponsor approves, with a reason" })
  replan(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('milestoneId') milestoneId: string,
    @Body() dto: MilestoneReplanDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.initiatives.replanMilestone(principal, id, milestoneId, dto.dueDate, dto.reason, idempotencyKey(key));
  }

  @Put(':id/forecast')
  @ApiOperation({ summary: 'Update the forecast of measures, kept beside the planned values' })
  forecast(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ForecastDto, @Headers('idempotency-key') key?: string) {
    return this.initiatives.updateForecast(principal, id, dto.measures, idempotencyKey(key));
  }

  @Post(':id/closure')
  // 202 is the usual answer: the closure waits for finance; 200 when value was already confirmed.
  @HttpCode(202)
  @ApiResponse({ status: 202, description: 'closure requested: pending_confirmation until finance confirms value' })
  @ApiResponse({ status: 200, description: 'closed at once: value was already confirmed' })
  @ApiOperation({ summary: 'Request closure from stage 4: 202 pending finance confirmation, or 200 closed when value was already confirmed' })
  async closure(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.initiatives.requestClosure(principal, id, idempotencyKey(key));
    response.status(result.closure.state === 'closed' ? 200 : 202);
    return result;
  }

  @Post(':id/hold')
  @HttpCode(200)
  hold(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ReasonDto, @Headers('idempotency-key') key?: string) {
    return this.sideMove(principal, id, 'hold', dto, key);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ReasonDto, @Headers('idempotency-key') key?: string) {
    return this.sideMove(principal, id, 'resume', dto, key);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ReasonDto, @Headers('idempotency-key') key?: string) {
    return this.sideMove(principal, id, 'cancel', dto, key);
  }

  @Post(':id/rollback')
  @HttpCode(200)
  @ApiOperation({ summary: 'PMO: roll the initiative back one stage, with a reason' })
  rollback(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ReasonDto, @Headers('idempotency-key') key?: string) {
    return this.sideMove(principal, id, 'rollback', dto, key);
  }

  private sideMove(principal: Principal, id: string, move: SideMove, dto: ReasonDto, key?: string) {
    return this.initiatives.moveAside(principal, id, move, dto.reason, idempotencyKey(key));
  }
}
