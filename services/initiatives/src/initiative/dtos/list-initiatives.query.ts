import { ApiProperty } from '@nestjs/swagger';
import { INITIATIVE_STATUSES, type ClosureState, type InitiativeStatus } from '@tollgate/domain';

const CLOSURE_STATES: readonly ClosureState[] = ['none', 'pending_confirmation', 'closed', 'rejected'];
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

  @ApiProperty({ required: false, maxLength: 200, description: 'only the initiatives this person owns' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiProperty({ required: false, maxLength: 200, description: 'only those this person sponsors' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sponsorId?: string;

  @ApiProperty({ required: false, maxLength: 200, description: 'only those this person is the controller of' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;

  @ApiProperty({ required: false, enum: CLOSURE_STATES, description: 'only those whose closure is in this state; pending_confirmation: waiting for finance' })
  @IsOptional()
  @IsIn(CLOSURE_STATES)
  closure?: ClosureState;

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
