import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const DURATION = /^P(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;
const DURATION_MESSAGE = 'expected an ISO-8601 duration of weeks, days or hours, such as P4D';

export class StepOwnersDto {
  @ApiProperty({ example: 'dana' }) @IsString() @MinLength(1) @MaxLength(200) data_gathering!: string;
  @ApiProperty({ example: 'dana' }) @IsString() @MinLength(1) @MaxLength(200) demand_review!: string;
  @ApiProperty({ example: 'sue' }) @IsString() @MinLength(1) @MaxLength(200) supply_review!: string;
  @ApiProperty({ example: 'dana' }) @IsString() @MinLength(1) @MaxLength(200) pre_sop!: string;
  @ApiProperty({ example: 'carl', description: 'chairs the executive S&OP and takes its decisions' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  executive_sop!: string;
}

export class StepDurationsDto {
  @ApiProperty({ required: false, example: 'P3D' }) @IsOptional() @Matches(DURATION, { message: DURATION_MESSAGE }) data_gathering?: string;
  @ApiProperty({ required: false, example: 'P4D' }) @IsOptional() @Matches(DURATION, { message: DURATION_MESSAGE }) demand_review?: string;
  @ApiProperty({ required: false, example: 'P3D' }) @IsOptional() @Matches(DURATION, { message: DURATION_MESSAGE }) supply_review?: string;
  @ApiProperty({ required: false, example: 'P4D' }) @IsOptional() @Matches(DURATION, { message: DURATION_MESSAGE }) pre_sop?: string;
  @ApiProperty({ required: false, example: 'P4D' }) @IsOptional() @Matches(DURATION, { message: DURATION_MESSAGE }) executive_sop?: string;
}

export class MonthlyScheduleDto {
  @ApiProperty({ minimum: 1, maximum: 28, description: 'day of the month the cycle starts (28 at most, so every month has it)' })
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth!: number;

  @ApiProperty({ minimum: 0, maximum: 23, description: 'hour of that day, UTC' })
  @IsInt()
  @Min(0)
  @Max(23)
  hourUtc!: number;
}

export class SopCycleSetupDto {
  @ApiProperty({ type: StepOwnersDto })
  @IsDefined({ message: 'owners is missing: it names the owner of each step' })
  @ValidateNested()
  @Type(() => StepOwnersDto)
  owners!: StepOwnersDto;

  @ApiProperty({ type: StepDurationsDto, required: false, description: 'each step’s time once it begins; defaults P3D, P4D, P3D, P4D, P4D' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StepDurationsDto)
  durations?: StepDurationsDto;

  @ApiProperty({ required: false, example: 'P3D', description: 'how long exception owners have to send a mitigation' })
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  mitigationWindow?: string;

  @ApiProperty({ type: MonthlyScheduleDto, required: false, nullable: true, description: 'when the month’s cycle starts by itself; omit or null for on demand only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MonthlyScheduleDto)
  schedule?: MonthlyScheduleDto | null;
}
