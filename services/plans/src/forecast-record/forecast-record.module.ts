import { Module } from '@nestjs/common';
import { OrgNodeModule } from '../org-node/org-node.module';
import { ForecastRecordController } from './forecast-record.controller';
import { ForecastRecordService } from './forecast-record.service';

// The service is exported: pre-S&OP records the forecasts with it.
@Module({ imports: [OrgNodeModule], controllers: [ForecastRecordController], providers: [ForecastRecordService], exports: [ForecastRecordService] })
export class ForecastRecordModule {}
