import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPeriod } from '@tollgate/platform';

export class ForecastAccuracyQuery {
  @ApiProperty({ required: false, example: '2027-01', description: 'the first period compared (YYYY-MM); open when left out' })
  @IsOptional()
  @IsPeriod()
  from?: string;

  @ApiProperty({ required: false, example: '2027-12', description: 'the last period compared (YYYY-MM); open when left out' })
  @IsOptional()
  @IsPeriod()
  to?: string;
}
