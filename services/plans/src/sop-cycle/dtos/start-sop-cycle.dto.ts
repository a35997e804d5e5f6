import { ApiProperty } from '@nestjs/swagger';
import { IsPeriod } from '@tollgate/platform';
import { IsString, MaxLength } from 'class-validator';

export class StartSopCycleDto {
  @ApiProperty({ description: 'the node whose cycle this is' })
  @IsString()
  @MaxLength(200)
  orgNodeId!: string;

  @ApiProperty({ example: '2027-03' })
  @IsPeriod({ message: 'period must be a YYYY-MM period' })
  period!: string;
}
