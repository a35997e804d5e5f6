import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers } from '@tollgate/platform';
import { SopWorkService } from './sop-work.service';
import type { MissingMitigationsView } from '@tollgate/contracts/views';

@ApiTags('work')
@ApiBearerAuth()
@ApiErrorAnswers()
@Controller('work')
export class SopWorkController {
  constructor(private readonly work: SopWorkService) {}

  @Get('missing-mitigations')
  @ApiOperation({ summary: "The exceptions of open S&OP cycles still without a mitigation that the caller owes, or that wait in a cycle the caller chairs" })
  missingMitigations(@CurrentPrincipal() principal: Principal): Promise<MissingMitigationsView> {
    return this.work.missingMitigations(principal);
  }
}
