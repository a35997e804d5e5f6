import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class StartSopCycleDto {
  @ApiProperty({ description: 'the node whose cycle this is' })
  @IsString()
  @MaxLength(200)
  orgNodeId!: string;

  @ApiProperty({ example: '2027-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a YYYY-MM period' })
  period!: string;
}
