import { ApiProperty } from '@nestjs/swagger';
import { IsPeriod } from '@tollgate/platform';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class TargetWaterfallQuery {
  @ApiProperty({ description: 'any org node: its target, and the value of everything under it' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  orgNodeId!: string;

  @ApiProperty({ example: '2027-01', description: 'the first period, YYYY-MM' })
  @IsPeriod({ message: 'from must be a period YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2027-12', description: 'the last period, YYYY-MM' })
  @IsPeriod({ message: 'to must be a period YYYY-MM' })
  to!: string;

  @ApiProperty({ required: false, description: "defaults to the currency of the node's plan of record, else EUR" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}
