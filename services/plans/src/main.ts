import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { runService } from '@tollgate/platform';
import { AppModule } from './app.module';
import { plansConfigSchema } from './config/plans.config';

const config = loadConfigOrExit(plansConfigSchema);

runService(AppModule.forRoot(config), config, {
  title: 'Tollgate plans',
  description: 'Org hierarchy, S&OP plans and cycles, portfolio reports',
}).catch((error: Error) => {
  process.stderr.write(`plans failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
