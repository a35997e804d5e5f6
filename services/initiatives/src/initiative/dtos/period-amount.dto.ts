import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches } from 'class-validator';

export class PeriodAmountDto {
  @ApiProperty({ example: '2027-03', description: 'YYYY-MM' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a YYYY-MM month' })
  period!: string;

  @ApiProperty({ example: 250000, description: 'minor units (cents)' })
  @IsInt()
  amount!: number;
}
