import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers, RateLimited } from '@tollgate/platform';
import { AuditChainService } from './audit-chain.service';
import { AuditChainVerificationBody } from './dtos/audit-chain-verification.dto';

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown initiative' })
@Controller('initiatives')
export class AuditChainController {
  constructor(private readonly chains: AuditChainService) {}

  @Get(':id/audit/verification')
  // It reads and hashes the whole trail.
  @RateLimited('heavyRead')
  @ApiOperation({ summary: "Check the audit trail against its hash chain: an entry changed or removed since it was written shows, with the first one's revision" })
  @ApiOkResponse({ type: AuditChainVerificationBody })
  verification(@Param('id') id: string) {
    return this.chains.verification(id);
  }
}
