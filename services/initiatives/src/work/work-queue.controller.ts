import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers } from '@tollgate/platform';
import { WorkQueueService } from './work-queue.service';
import type { AwaitedGatesView } from '@tollgate/contracts/views';

@ApiTags('work')
@ApiBearerAuth()
@ApiErrorAnswers()
@Controller('work')
export class WorkQueueController {
  constructor(private readonly work: WorkQueueService) {}

  @Get('gate-requests')
  @ApiOperation({ summary: "The pending gate requests that await the caller's key: as sponsor, as controller, or as a PMO user; never those they submitted" })
  gateRequests(@CurrentPrincipal() principal: Principal): Promise<AwaitedGatesView> {
    return this.work.gateRequestsAwaiting(principal);
  }
}
