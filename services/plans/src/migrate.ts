import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { migrateSchema } from '@tollgate/platform';
import { plansConfigSchema } from './config/plans.config';
import { PLANS_ENTITIES, PLANS_MIGRATIONS } from './plans.schema';

const config = loadConfigOrExit(plansConfigSchema);

migrateSchema(config, PLANS_ENTITIES, PLANS_MIGRATIONS).catch((error: Error) => {
  process.stderr.write(`plans migrations failed: ${error.message}\n`);
  process.exit(1);
});
