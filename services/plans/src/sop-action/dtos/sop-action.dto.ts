import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class ActionEvidenceDto {
  @ApiProperty({ example: 'Second shift on the rota from 2 April' })
  @IsString()
  @MaxLength(4000)
  text!: string;

  @ApiProperty({ required: false, type: [String], example: ['https://intranet/rota/chilled'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  links?: string[];
}

export class CompleteActionDto {
  @ApiProperty({ type: ActionEvidenceDto, description: 'what shows the action done, as its definition of done asks' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ActionEvidenceDto)
  evidence!: ActionEvidenceDto;
}

export class DropActionDto {
  @ApiProperty({ example: 'demand fell back to plan; the shift is not needed' })
  @IsString()
  @MaxLength(4000)
  reason!: string;
}

export class SopActionsQuery {
  @ApiProperty({ required: false, description: 'the node whose actions (and those of the nodes under it) are listed' })
  @IsOptional()
  @IsUUID()
  orgNodeId?: string;

  @ApiProperty({ required: false, enum: ['open', 'done', 'dropped', 'all'], description: 'open unless asked otherwise' })
  @IsOptional()
  @IsIn(['open', 'done', 'dropped', 'all'])
  status?: 'open' | 'done' | 'dropped' | 'all';

  @ApiProperty({ required: false, description: "one person's actions" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiProperty({ required: false, description: 'the actions of the cycles one person chairs' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  chairId?: string;

  @ApiProperty({ required: false, description: "the actions one cycle's decisions asked for" })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cycleId?: string;

  @ApiProperty({ required: false, description: 'the actions that answer an exception about one subject: an initiative (escalated, a gate waiting, phantom progress), a node, or a node and family (`<node>/<family>`)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string;
}
