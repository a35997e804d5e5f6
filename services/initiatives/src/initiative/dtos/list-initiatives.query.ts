import { ApiProperty } from '@nestjs/swagger';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '@tollgate/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// Far past any portfolio's last page (200 a page), and an offset PostgreSQL takes as it is.
const MAX_PAGE = 1_000_000;

export class ListInitiativesQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programId?: string;

  @ApiProperty({ required: false, minimum: 0, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  stage?: number;

  @ApiProperty({ required: false, enum: INITIATIVE_STATUSES })
  @IsOptional()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;

  @ApiProperty({ required: false, default: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiProperty({ required: false, default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
