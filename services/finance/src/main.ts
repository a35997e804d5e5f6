import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { runService } from '@tollgate/platform';
import { AppModule } from './app.module';
import { financeConfigSchema } from './config/finance.config';

const config = loadConfigOrExit(financeConfigSchema);

runService(AppModule.forRoot(config), config, {
  title: 'Tollgate finance',
  description: 'Value ledger and controller confirmations',
}).catch((error: Error) => {
  process.stderr.write(`finance failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
