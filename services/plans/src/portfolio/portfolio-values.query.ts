import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PortfolioSummaryQuery } from './portfolio-summary.query';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class PortfolioValuesQuery extends PortfolioSummaryQuery {
  @ApiProperty({ example: '2027-01', description: 'the first period, YYYY-MM' })
  @Matches(PERIOD, { message: 'from must be a period YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2027-12', description: 'the last period, YYYY-MM, at most 120 periods after from' })
  @Matches(PERIOD, { message: 'to must be a period YYYY-MM' })
  to!: string;
}
