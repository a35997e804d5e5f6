import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsPeriod } from '@tollgate/platform';
import { PortfolioSummaryQuery } from './portfolio-summary.query';

export class PortfolioValuesQuery extends PortfolioSummaryQuery {
  @ApiProperty({ example: '2027-01', description: 'the first period, YYYY-MM' })
  @IsPeriod({ message: 'from must be a period YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2027-12', description: 'the last period, YYYY-MM, at most 120 periods after from' })
  @IsPeriod({ message: 'to must be a period YYYY-MM' })
  to!: string;

  @ApiProperty({ required: false, enum: ['stage'], description: '`stage`: each period also splits its value by DoI stage, for a chart stacked by stage' })
  @IsOptional()
  @IsIn(['stage'], { message: "by must be 'stage'" })
  by?: 'stage';
}
