import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers, idempotencyKey } from '@tollgate/platform';
import { CompleteActionDto, DropActionDto, SopActionsQuery } from './dtos/sop-action.dto';
import { SopActionService } from './sop-action.service';

const ANSWERS = {
  notFound: 'unknown action or org node',
  forbidden: 'done is for its owner (or a PMO); dropping for the chair who decided it (or a PMO)',
  conflict: 'the action is already done or dropped',
  unprocessable: 'no evidence, or no reason to drop it; `unmet` says what is missing',
  unavailable: 'Temporal cannot be reached now; retry, with the same Idempotency-Key',
};

// Who may close an action is the domain's rule, checked by its workflow: no @Roles here.
@ApiTags('S&OP actions')
@ApiBearerAuth()
@ApiErrorAnswers(ANSWERS)
@Controller('sop-actions')
export class SopActionController {
  constructor(private readonly actions: SopActionService) {}

  @Get()
  @ApiOperation({
    summary:
      "What the S&OP's decisions asked for: accepted mitigations and resolutions' actions, with owner, due date, expected effect and definition of done; open ones unless asked otherwise, overdue first, then by value at risk",
  })
  list(@Query() query: SopActionsQuery) {
    return this.actions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One action: its state, reminder, escalation, and how it was closed' })
  show(@Param('id') id: string) {
    return this.actions.show(id);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Its owner (or a PMO) closes the action with the evidence its definition of done asks for' })
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: CompleteActionDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.actions.complete(principal, id, dto, idempotencyKey(key));
  }

  @Post(':id/drop')
  @HttpCode(200)
  @ApiOperation({ summary: 'The chair who decided it (or a PMO) drops the action, saying why' })
  drop(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: DropActionDto, @Headers('idempotency-key') key: string | undefined) {
    return this.actions.drop(principal, id, dto, idempotencyKey(key));
  }
}
