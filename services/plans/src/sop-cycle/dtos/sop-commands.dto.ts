import { ApiProperty } from '@nestjs/swagger';
import { SOP_DECISION_KINDS, type SopDecisionKind } from '@tollgate/domain';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

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

export class SopActionRequestDto {
  @ApiProperty({ required: false, example: 'Review Chilled demand with the key accounts', description: "what is to be done; an accepted mitigation's is the mitigation's" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  title?: string;

  @ApiProperty({ required: false, description: 'who does it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiProperty({ required: false, example: '2027-04-15' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'action.dueDate must be a YYYY-MM-DD date' })
  dueDate?: string;

  @ApiProperty({ required: false, example: 'Chilled demand within capacity from May', description: 'what should change once it is done' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  expectedEffect?: string;

  @ApiProperty({ required: false, example: 'the revised demand plan, signed off by sales', description: 'the evidence that counts as done' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  doneWhen?: string;
}

export class DecisionClaimDto {
  @ApiProperty({
    enum: ['family_capacity', 'family_demand_actual', 'node_forecast', 'node_confirmed', 'initiative_stage'],
    description: "the figure: a family's planned capacity from a month, a family's actual demand in a month (from the sales feeds), the node's forecast or confirmed value for the year of `by`, an initiative's DoI stage",
  })
  @IsString()
  figure!: string;

  @ApiProperty({ example: 15_000, description: 'the least it must be: volume, minor units, or a stage' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  atLeast!: number;

  @ApiProperty({ example: '2027-05-01', description: 'the day it is checked' })
  @IsString()
  by!: string;

  @ApiProperty({ required: false, description: 'for family_capacity and family_demand_actual' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  family?: string;

  @ApiProperty({ required: false, example: '2027-05', description: 'for family_capacity the first month with the capacity; for family_demand_actual the month' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiProperty({ required: false, description: 'for initiative_stage' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  initiativeId?: string;
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

  @ApiProperty({
    required: false,
    nullable: true,
    type: SopActionRequestDto,
    description: 'what the decision asks for, followed until done with evidence or dropped by the chair: all of it for a resolution; for an accepted mitigation only its expected effect and definition of done',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SopActionRequestDto)
  action?: SopActionRequestDto | null;

  @ApiProperty({ required: false, nullable: true, type: DecisionClaimDto, description: 'the figure the decision expects by a date: the engine checks it on that day and the next review shows whether it held' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionClaimDto)
  expects?: DecisionClaimDto | null;
}
