import { ApiProperty } from '@nestjs/swagger';
import { SOP_DECISION_KINDS, type SopDecisionKind } from '@tollgate/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CompleteStepDto {
  @ApiProperty({ required: false, description: 'what the step concluded' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class MitigationDto {
  @ApiProperty({ example: 'add a third shift in April' })
  @IsString()
  @MaxLength(4000)
  action!: string;

  @ApiProperty({ description: 'who carries the action out' })
  @IsString()
  @MaxLength(200)
  ownerId!: string;

  @ApiProperty({ example: '2027-04-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a YYYY-MM-DD date' })
  dueDate!: string;
}

export class SopDecisionDto {
  @ApiProperty({ enum: SOP_DECISION_KINDS })
  @IsIn(SOP_DECISION_KINDS)
  kind!: SopDecisionKind;

  @ApiProperty({ required: false, nullable: true, description: 'the program of a pivot, the scenario to promote, or the exception whose mitigation is accepted' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiProperty({ example: 'capacity moves to the carrier tender' })
  @IsString()
  @MaxLength(4000)
  rationale!: string;
}
