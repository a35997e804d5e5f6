import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class SopCyclesQuery {
  @ApiProperty({ description: 'the node whose cycles are listed' })
  @IsString()
  @MaxLength(200)
  orgNodeId!: string;
}
