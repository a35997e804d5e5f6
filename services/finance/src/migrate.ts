import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { migrateSchema } from '@tollgate/platform';
import { financeConfigSchema } from './config/finance.config';
import { FINANCE_ENTITIES, FINANCE_MIGRATIONS } from './finance.schema';

const config = loadConfigOrExit(financeConfigSchema);

migrateSchema(config, FINANCE_ENTITIES, FINANCE_MIGRATIONS).catch((error: Error) => {
  process.stderr.write(`finance migrations failed: ${error.message}\n`);
  process.exit(1);
});
