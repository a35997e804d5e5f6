import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PeriodAmountDto } from './period-amount.dto';

export class MeasureDto {
  @ApiProperty({ example: 'Carrier rates' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'procurement' })
  @IsString()
  @MaxLength(100)
  category!: string;

  @ApiProperty({ type: [PeriodAmountDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => PeriodAmountDto)
  plannedValues!: PeriodAmountDto[];
}

export class MilestoneDto {
  @ApiProperty({ example: 'Tender sent' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2027-01-31', description: 'YYYY-MM-DD; late once that UTC day has passed' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a YYYY-MM-DD date' })
  dueDate!: string;
}
