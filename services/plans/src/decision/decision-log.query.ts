import { ApiProperty } from '@nestjs/swagger';
import { SOP_DECISION_KINDS } from '@tollgate/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class DecisionLogQuery {
  @ApiProperty({ required: false, description: 'the node whose decisions (and those of the nodes under it) are listed' })
  @IsOptional()
  @IsUUID()
  orgNodeId?: string;

  @ApiProperty({ required: false, description: 'who decided: the chair, or a PMO' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  chairId?: string;

  @ApiProperty({ required: false, enum: SOP_DECISION_KINDS })
  @IsOptional()
  @IsIn(SOP_DECISION_KINDS)
  kind?: string;

  @ApiProperty({ required: false, enum: ['met', 'missed', 'pending'], description: 'what became of the effect it expected: met, missed, or not yet checked' })
  @IsOptional()
  @IsIn(['met', 'missed', 'pending'])
  outcome?: 'met' | 'missed' | 'pending';
}
