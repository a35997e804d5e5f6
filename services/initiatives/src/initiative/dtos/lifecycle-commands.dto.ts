import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EvidenceDto } from './evidence.dto';
import { PeriodAmountDto } from './period-amount.dto';
import { MeasureDto, MilestoneDto } from './plan.dto';

export class GateRequestDto {
  @ApiProperty({ example: 1, description: 'always the current stage + 1; stage 5 comes only through closure' })
  @IsInt()
  @Min(0)
  @Max(5)
  targetStage!: number;

  @ApiProperty({ type: EvidenceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;
}

export class GateDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ required: false, description: 'the reason, which a rejection must give (422 without it)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class MilestoneCompletionDto {
  @ApiProperty({ type: EvidenceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;
}

export class MilestoneReplanDto {
  @ApiProperty({ example: '2027-03-15' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a YYYY-MM-DD date' })
  dueDate!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'budget freeze until Q3' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class MeasureForecastDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  measureId!: string;

  @ApiProperty({ type: [PeriodAmountDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => PeriodAmountDto)
  forecastValues!: PeriodAmountDto[];
}

export class ForecastDto {
  @ApiProperty({ type: [MeasureForecastDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureForecastDto)
  measures!: MeasureForecastDto[];
}

export class PlanRevisionDto {
  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  controllerId?: string | null;

  @ApiProperty({ type: [MeasureDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureDto)
  measures?: MeasureDto[];

  @ApiProperty({ type: [PeriodAmountDto], required: false })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PeriodAmountDto)
  oneTimeCosts?: PeriodAmountDto[];

  @ApiProperty({ type: [MilestoneDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
}
