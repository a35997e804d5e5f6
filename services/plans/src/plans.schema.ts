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
// Plans and scenarios per node, actual demand, S&OP policies and initiative resources.
import { PlansAndScenarios1764547200000 } from '../migrations/1764547200000-plans-and-scenarios';
import { InitiativeResource } from './sop-policy/initiative-resource.entity';
import { NodeSopPolicy } from './sop-policy/sop-policy.entity';
import { Plan } from './plan/plan.entity';
import { PlanActual } from './plan/plan-actual.entity';
import { PlanCell } from './plan/plan-cell.entity';
PLANS_ENTITIES.push(Plan, PlanCell, PlanActual, NodeSopPolicy, InitiativeResource);
PLANS_MIGRATIONS.push(PlansAndScenarios1764547200000);
// S&OP cycles, their exceptions and decisions, and each node's cycle setup.
import { SopCycles1764633600000 } from '../migrations/1764633600000-sop-cycles';
import { SopCycleRecord } from './sop-cycle/sop-cycle.entity';
import { SopCycleSetup } from './sop-cycle/sop-cycle-setup.entity';
import { SopDecisionRecord } from './decision/sop-decision.entity';
import { SopExceptionRecord } from './sop-cycle/sop-exception.entity';
PLANS_ENTITIES.push(SopCycleRecord, SopExceptionRecord, SopDecisionRecord, SopCycleSetup);
PLANS_MIGRATIONS.push(SopCycles1764633600000);
