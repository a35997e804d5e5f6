import { ApiProperty } from '@nestjs/swagger';
import { ORG_NODE_KINDS, type OrgNodeKind } from '@tollgate/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateOrgNodeDto {
  @ApiProperty({ example: 'Logistics excellence' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  // Spaces alone name nothing: refused here, before a node without a name could be written or announced.
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: ORG_NODE_KINDS })
  @IsIn(ORG_NODE_KINDS)
  kind!: OrgNodeKind;

  @ApiProperty({ required: false, nullable: true, description: 'the parent: an organization for a business unit, a business unit for a program' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  parentId?: string | null;
}
