import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class PortfolioSummaryQuery {
  @ApiProperty({ description: 'any org node: the summary covers it and everything under it' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  orgNodeId!: string;

  @ApiProperty({ required: false, default: 'EUR', description: 'values in other currencies are summed in their own summary' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string = 'EUR';
}
