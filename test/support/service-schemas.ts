import { FINANCE_ENTITIES, FINANCE_MIGRATIONS } from '../../services/finance/src/finance.schema';
import { financeConfigSchema } from '../../services/finance/src/config/finance.config';
import { INITIATIVES_ENTITIES, INITIATIVES_MIGRATIONS } from '../../services/initiatives/src/initiatives.schema';
import { initiativesConfigSchema } from '../../services/initiatives/src/config/initiatives.config';
import { PLANS_ENTITIES, PLANS_MIGRATIONS } from '../../services/plans/src/plans.schema';
import { plansConfigSchema } from '../../services/plans/src/config/plans.config';

/** Each service's configuration schema, entities and migrations. */
export const SERVICE_SCHEMAS = [
  { name: 'plans', configSchema: plansConfigSchema, entities: PLANS_ENTITIES, migrations: PLANS_MIGRATIONS },
  { name: 'initiatives', configSchema: initiativesConfigSchema, entities: INITIATIVES_ENTITIES, migrations: INITIATIVES_MIGRATIONS },
  { name: 'finance', configSchema: financeConfigSchema, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS },
] as const;
