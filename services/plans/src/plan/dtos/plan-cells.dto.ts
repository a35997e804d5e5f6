import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsPeriod } from '@tollgate/platform';

// Cells a change may carry per line: two years of months for forty families. More
// would not fit the body limit (JSON_BODY_LIMITS) anyway; a larger plan comes in several changes.
const MAX_CELLS = 1000;

/** A list of cells, each checked in full. */
function Cells(cell: new () => object, options: { required: boolean }) {
  return applyDecorators(
    ApiProperty({ type: [cell], required: options.required }),
    ...(options.required ? [] : [IsOptional()]),
    IsArray(),
    ArrayMaxSize(MAX_CELLS),
    ValidateNested({ each: true }),
    Type(() => cell),
  );
}

export class TargetCellDto {
  @ApiProperty({ example: '2027-03', description: 'YYYY-MM' })
  @IsPeriod()
  period!: string;

  @ApiProperty({ example: 2_500_000, description: "minor units of the plan's currency" })
  @IsInt()
  @Min(0)
  amount!: number;
}

export class VolumeCellDto {
  @ApiProperty({ example: 'e-bikes', description: 'the product family' })
  @IsString()
  @Matches(/\S/, { message: 'family must not be blank' })
  @MaxLength(100)
  family!: string;

  @ApiProperty({ example: '2027-03', description: 'YYYY-MM' })
  @IsPeriod()
  period!: string;

  @ApiProperty({ example: 1200, description: 'units' })
  @IsInt()
  @Min(0)
  volume!: number;
}

/** The cells to set in a plan: each replaces the cell of the same line, family and period; the others stay. */
export class PlanCellsDto {
  @ApiProperty({ required: false, example: 'EUR', description: 'ISO 4217; set when the plan is created (default EUR), never changed' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @Cells(TargetCellDto, { required: false })
  targets?: TargetCellDto[];

  @Cells(VolumeCellDto, { required: false })
  demand?: VolumeCellDto[];

  @Cells(VolumeCellDto, { required: false })
  capacity?: VolumeCellDto[];
}

/** Demand as it happened; a family and period posted again replaces what was posted before. */
export class ActualDemandDto {
  @Cells(VolumeCellDto, { required: true })
  demand!: VolumeCellDto[];
}
