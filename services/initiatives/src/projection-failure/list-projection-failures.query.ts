import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListProjectionFailuresQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only this initiative' })
  @IsOptional()
  @IsUUID()
  initiativeId?: string;
}
