import { Module } from '@nestjs/common';
import { ProgramDirectory } from './program-directory.service';

@Module({ providers: [ProgramDirectory], exports: [ProgramDirectory] })
export class ProgramModule {}
