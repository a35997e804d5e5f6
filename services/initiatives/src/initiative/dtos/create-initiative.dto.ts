import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PeriodAmountDto } from './period-amount.dto';
import { MeasureDto, MilestoneDto } from './plan.dto';

export class CreateInitiativeDto {
  @ApiProperty({ example: 'Consolidate freight carriers' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'an org node of kind program, known from the plans service' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  programId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sponsorId!: string;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  controllerId?: string | null;

  @ApiProperty({ example: 'cost' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category!: string;

  @ApiProperty({ required: false, example: 'EUR', description: 'ISO 4217; every value of the initiative is in it' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiProperty({ required: false, description: 'minor units; the rough value while no measure is planned' })
  @IsOptional()
  @IsInt()
  @Min(0)
  roughValue?: number;

  @ApiProperty({ type: [MeasureDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureDto)
  measures!: MeasureDto[];

  @ApiProperty({ type: [PeriodAmountDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => PeriodAmountDto)
  oneTimeCosts?: PeriodAmountDto[];

  @ApiProperty({ type: [MilestoneDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones!: MilestoneDto[];
}
