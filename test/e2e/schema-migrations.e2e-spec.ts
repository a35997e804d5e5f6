import { loadConfig, ServiceConfig } from '@tollgate/config';
import { openDataSource, schemaDrift } from '@tollgate/platform';
import { SERVICE_SCHEMAS } from '../support/service-schemas';
import { serviceTestEnv } from '../support/test-environment';

// The services never synchronize their schemas; this is the check that fails
// when an entity changes without the migration that goes with it.
describe.each(SERVICE_SCHEMAS)('the $name schema', (service) => {
  it('is exactly what its entities describe once its migrations have run', async () => {
    const config = loadConfig(service.configSchema, serviceTestEnv()) as ServiceConfig;
    const dataSource = await openDataSource(config, service.entities, service.migrations);
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      expect(await schemaDrift(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
