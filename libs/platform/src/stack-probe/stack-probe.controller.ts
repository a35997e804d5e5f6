import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers } from '../error-answers';
import { StackProbeService } from './stack-probe.service';

@ApiTags('operations')
@ApiBearerAuth()
@ApiErrorAnswers()
@Controller('stack-probes')
export class StackProbeController {
  constructor(private readonly probes: StackProbeService) {}

  @Get(':probeId/receipts')
  @ApiOperation({ summary: "Other services' probe events that this service applied, for an end-to-end check" })
  async receipts(@Param('probeId') probeId: string) {
    const receipts = await this.probes.receipts(probeId);
    return receipts.map(({ probeId: id, eventId, sourceService, receivedAt }) => ({
      probeId: id,
      eventId,
      sourceService,
      receivedAt: receivedAt.toISOString(),
    }));
  }
}
