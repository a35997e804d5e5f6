import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateBy, ValidateNested } from 'class-validator';

// class-validator's own maxDecimalPlaces throws on a number it prints in exponent form (5e-324).
function HasHundredthsAtMost(): PropertyDecorator {
  return ValidateBy({
    name: 'hasHundredthsAtMost',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number(value.toFixed(2)) === value,
      defaultMessage: () => '$property must have at most two decimal places',
    },
  });
}

export class DeviationThresholdDto {
  @ApiProperty({ example: 50_000, description: "in the figure's unit: minor units for value, units for volume" })
  @IsInt()
  @Min(0)
  absolute!: number;

  @ApiProperty({ example: 0.05, description: 'a ratio of the reference: 0.05 is 5 %' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  percent!: number;
}

/** Budget and people: what a node's initiatives may use, or what one initiative needs. */
export class ResourcesDto {
  @ApiProperty({ example: 2_000_000, description: 'minor units' })
  @IsInt()
  @Min(0)
  budget!: number;

  @ApiProperty({ example: 4.5, description: 'full-time equivalents' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasHundredthsAtMost()
  @Min(0)
  @Max(1_000_000)
  fte!: number;
}

/** A node's own policy, replaced as a whole: a deviation counts when it passes both limits of its threshold. */
export class SopPolicyDto {
  @ApiProperty({ required: false, nullable: true, description: "who owes mitigations for the node's plan exceptions" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerId?: string | null;

  @ApiProperty({ type: DeviationThresholdDto, description: 'for money: targets and value' })
  @IsDefined()
  @ValidateNested()
  @Type(() => DeviationThresholdDto)
  valueThreshold!: DeviationThresholdDto;

  @ApiProperty({ type: DeviationThresholdDto, description: 'for volumes: demand and capacity' })
  @IsDefined()
  @ValidateNested()
  @Type(() => DeviationThresholdDto)
  volumeThreshold!: DeviationThresholdDto;

  @ApiProperty({ type: ResourcesDto, required: false, nullable: true, description: "what the node's initiatives may use, for the portfolio pivot" })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourcesDto)
  pivotCapacity?: ResourcesDto | null;
}
