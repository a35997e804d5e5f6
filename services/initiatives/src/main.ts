import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { runService } from '@tollgate/platform';
import { AppModule } from './app.module';
import { initiativesConfigSchema } from './config/initiatives.config';

const config = loadConfigOrExit(initiativesConfigSchema);

runService(AppModule.forRoot(config), config, {
  title: 'Tollgate initiatives',
  description: 'Initiatives, measures, milestones, stage gates and closure',
}).catch((error: Error) => {
  process.stderr.write(`initiatives failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
