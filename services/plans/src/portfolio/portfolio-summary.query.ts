import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

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

/** A report that lists initiatives: how many to list at most, the largest first; the answer counts them all. */
export class PortfolioListQuery extends PortfolioSummaryQuery {
  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 1000, description: 'how many initiatives to list, the largest gap first; the total says how many there are' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(1000)
  limit: number = 50;
}
