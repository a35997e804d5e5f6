import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class FreshReadQuery {
  @ApiProperty({
    required: false,
    minimum: 0,
    description:
      "the revision a command answered: the read shows at least that revision (from the lifecycle's own state while the projection is behind)",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  minRevision?: number;
}
