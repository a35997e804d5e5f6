import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_NODE_KINDS, type OrgNodeKind } from '@tollgate/domain';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ListOrgNodesQuery {
  @ApiPropertyOptional({ description: 'a part of the name, any case; without it, the organizations (or every node of `kind`)', example: 'logist' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ORG_NODE_KINDS })
  @IsOptional()
  @IsIn(ORG_NODE_KINDS)
  kind?: OrgNodeKind;
}
