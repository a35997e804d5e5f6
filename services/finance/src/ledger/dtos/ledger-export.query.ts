import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class LedgerExportQuery {
  @ApiProperty({ example: '2027-01' })
  @Matches(PERIOD, { message: 'from must be a YYYY-MM month' })
  from!: string;

  @ApiProperty({ example: '2027-12' })
  @Matches(PERIOD, { message: 'to must be a YYYY-MM month' })
  to!: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programId?: string;

  @ApiProperty({ required: false, enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export class RealizationQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programId?: string;
}
