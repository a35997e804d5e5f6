import { Module, type DynamicModule } from '@nestjs/common';
import { InitiativeImportActivitiesService } from './initiative-import-activities.service';
import { InitiativeImportController } from './initiative-import.controller';
import { InitiativeImportService } from './initiative-import.service';

/** Spreadsheet imports of initiatives: the routes, and the activities of the import workflow. */
@Module({})
export class ImportModule {
  /** `initiatives`: the module that creates initiatives, as configured for this service. */
  static register(initiatives: DynamicModule): DynamicModule {
    return {
      module: ImportModule,
      imports: [initiatives],
      controllers: [InitiativeImportController],
      providers: [InitiativeImportService, InitiativeImportActivitiesService],
      exports: [InitiativeImportActivitiesService],
    };
  }
}
