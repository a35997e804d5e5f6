import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { InitialSchema1764028800000 } from '../migrations/1764028800000-initial-schema';
import { OrgHierarchy1764288000000 } from '../migrations/1764288000000-org-hierarchy';
import { OrgNode } from './org-node/org-node.entity';
import { PortfolioConfirmation } from './portfolio/portfolio-confirmation.entity';
import { PortfolioInitiative } from './portfolio/portfolio-initiative.entity';
import { PortfolioReadModel1764374400000 } from '../migrations/1764374400000-portfolio-read-model';
import { PortfolioPeriodValue } from './portfolio/portfolio-period-value.entity';
import { PortfolioByPeriod1764460800000 } from '../migrations/1764460800000-portfolio-by-period';

/** The entities of the plans schema and the migrations that build it, in order. */
export const PLANS_ENTITIES: Function[] = [StackProbe, StackProbeReceipt, OrgNode, PortfolioInitiative, PortfolioConfirmation];
export const PLANS_MIGRATIONS: Function[] = [InitialSchema1764028800000, OrgHierarchy1764288000000, PortfolioReadModel1764374400000];
// The portfolio read model per period.
PLANS_ENTITIES.push(PortfolioPeriodValue);
PLANS_MIGRATIONS.push(PortfolioByPeriod1764460800000);
