import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { migrateSchema } from '@tollgate/platform';
import { initiativesConfigSchema } from './config/initiatives.config';
import { INITIATIVES_ENTITIES, INITIATIVES_MIGRATIONS } from './initiatives.schema';

const config = loadConfigOrExit(initiativesConfigSchema);

migrateSchema(config, INITIATIVES_ENTITIES, INITIATIVES_MIGRATIONS).catch((error: Error) => {
  process.stderr.write(`initiatives migrations failed: ${error.message}\n`);
  process.exit(1);
});
