import { Module } from '@nestjs/common';
import { SopWorkController } from './sop-work.controller';
import { SopWorkService } from './sop-work.service';

@Module({ controllers: [SopWorkController], providers: [SopWorkService] })
export class SopWorkModule {}
