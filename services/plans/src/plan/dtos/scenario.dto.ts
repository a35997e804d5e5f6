import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateScenarioDto {
  @ApiProperty({ example: 'Second shift from March' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;
}

export class PromotionDto {
  @ApiProperty({ example: 'The executive S&OP chose the second shift: capacity covers the spring peak' })
  // Blank or missing is a rule of the decision (422), not a malformed body.
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string;
}
