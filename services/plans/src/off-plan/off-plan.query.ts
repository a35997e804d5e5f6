import { ApiProperty } from '@nestjs/swagger';
import { IsPeriod } from '@tollgate/platform';
import { IsOptional } from 'class-validator';

export class OffPlanQuery {
  @ApiProperty({ required: false, example: '2027-03', description: 'the month (YYYY-MM); the current one when left out' })
  @IsOptional()
  @IsPeriod()
  period?: string;
}
