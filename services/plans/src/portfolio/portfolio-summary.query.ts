import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DEFAULT_CURRENCY } from '@tollgate/domain';

export class PortfolioSummaryQuery {
  @ApiProperty({ description: 'any org node: the summary covers it and everything under it' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  orgNodeId!: string;

  @ApiProperty({ required: false, default: DEFAULT_CURRENCY, description: 'values in other currencies are summed in their own summary' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string = DEFAULT_CURRENCY;
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

/** The initiatives under a node that make up its figures, of one stage or all. */
export class PortfolioInitiativesQuery extends PortfolioListQuery {
  @ApiProperty({ required: false, minimum: 0, maximum: 5, description: 'only those at this DoI stage' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'stage must be a whole number from 0 to 5' })
  @Min(0)
  @Max(5)
  stage?: number;
}
