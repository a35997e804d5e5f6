import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SopCyclePaper } from '@tollgate/domain';
import { ApiErrorAnswers, RateLimited } from '@tollgate/platform';
import { SopPapersService } from './sop-papers.service';

const PDF = { description: 'the paper as a PDF, named in `Content-Disposition`', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };

@ApiTags('S&OP cycles')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown cycle', conflict: 'the paper is not issued yet: the pre-read once pre-S&OP is done, the minutes once the cycle is published' })
@Controller('sop-cycles/:cycleId')
export class SopPapersController {
  constructor(private readonly papers: SopPapersService) {}

  @Get('pre-read')
  @ApiOperation({ summary: 'The pre-read of the executive S&OP: the agenda ranked by value at risk with each exception’s figures and mitigation, the pivots proposed, the decisions sought, who takes part' })
  preRead(@Param('cycleId') cycleId: string) {
    return this.papers.paper(cycleId, 'pre_read');
  }

  @Get('pre-read/pdf')
  @RateLimited('heavyRead')
  @ApiOperation({ summary: 'The pre-read as a PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  preReadPdf(@Param('cycleId') cycleId: string) {
    return this.file(cycleId, 'pre_read');
  }

  @Get('minutes')
  @ApiOperation({ summary: 'The minutes of a published cycle: its decisions with their rationales and what they did, the actions they ask for with owners and dates, what was still off plan, who took part' })
  minutes(@Param('cycleId') cycleId: string) {
    return this.papers.paper(cycleId, 'minutes');
  }

  @Get('minutes/pdf')
  @RateLimited('heavyRead')
  @ApiOperation({ summary: 'The minutes as a PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  minutesPdf(@Param('cycleId') cycleId: string) {
    return this.file(cycleId, 'minutes');
  }

  private async file(cycleId: string, paper: SopCyclePaper): Promise<StreamableFile> {
    const pdf = await this.papers.pdf(cycleId, paper);
    // Only safe characters in the header: the cycle id is letters, digits and dashes, anything else dropped.
    const name = `${paper === 'pre_read' ? 'pre-read' : 'minutes'}-${cycleId.replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length, disposition: `attachment; filename="${name}"` });
  }
}
