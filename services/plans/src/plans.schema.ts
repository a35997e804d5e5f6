import { CalendarMilestone, CalendarToken } from './notification/calendar.entity';
import { ChatWebhook } from './notification/chat-webhook.entity';
import { NoticeInitiative } from './notification/notice-initiative.entity';
import { NotificationRecord } from './notification/notification.entity';
import { NotificationSetting } from './notification/notification-setting.entity';
import { FeedSourceKeyRecord, FeedSourceRecord } from '@tollgate/feeds';
import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { InitialSchema1764028800000 } from '../migrations/1764028800000-initial-schema';
import { OrgHierarchy1764288000000 } from '../migrations/1764288000000-org-hierarchy';
import { PortfolioReadModel1764374400000 } from '../migrations/1764374400000-portfolio-read-model';
import { PortfolioByPeriod1764460800000 } from '../migrations/1764460800000-portfolio-by-period';
import { PlansAndScenarios1764547200000 } from '../migrations/1764547200000-plans-and-scenarios';
import { SopCycles1764633600000 } from '../migrations/1764633600000-sop-cycles';
import { PortfolioValueTotals1764806400000 } from '../migrations/1764806400000-portfolio-value-totals';
import { FeedSources1764979200000 } from '../migrations/1764979200000-feed-sources';
import { PlanImport1764979200001 } from '../migrations/1764979200001-plan-import';
import { OutboxTraceContext1765065600000 } from '../migrations/1765065600000-outbox-trace-context';
import { AfterTheMeeting1765238400000 } from '../migrations/1765238400000-after-the-meeting';
import { RecordedForecasts1765324800000 } from '../migrations/1765324800000-recorded-forecasts';
import { DecisionChecks1765411200000 } from '../migrations/1765411200000-decision-checks';
import { WaitingGates1765497600000 } from '../migrations/1765497600000-waiting-gates';
import { Notifications1765584000000 } from '../migrations/1765584000000-notifications';
import { NotificationOccasions1765670400000 } from '../migrations/1765670400000-notification-occasions';
import { NotificationDigests1765756800000 } from '../migrations/1765756800000-notification-digests';
import { ChatWebhooks1765843200000 } from '../migrations/1765843200000-chat-webhooks';
import { Calendars1765929600000 } from '../migrations/1765929600000-calendars';
import { NotificationIndexes1766016000000 } from '../migrations/1766016000000-notification-indexes';
import { MeasureForecasts1766102400000 } from '../migrations/1766102400000-measure-forecasts';
import { PlanImport } from './plan/plan-import.entity';
import { SopDecisionRecord } from './decision/sop-decision.entity';
import { OrgNode } from './org-node/org-node.entity';
import { PlanActual } from './plan/plan-actual.entity';
import { PlanCell } from './plan/plan-cell.entity';
import { Plan } from './plan/plan.entity';
import { PortfolioConfirmation } from './portfolio/portfolio-confirmation.entity';
import { PortfolioInitiative } from './portfolio/portfolio-initiative.entity';
import { PortfolioMeasure } from './portfolio/portfolio-measure.entity';
import { PortfolioPeriodValue } from './portfolio/portfolio-period-value.entity';
import { PortfolioValueTotal } from './portfolio/portfolio-value-total.entity';
import { SopCycleSetup } from './sop-cycle/sop-cycle-setup.entity';
import { SopCycleRecord } from './sop-cycle/sop-cycle.entity';
import { SopExceptionRecord } from './sop-cycle/sop-exception.entity';
import { SopActionRecord } from './sop-action/sop-action.entity';
import { RecordedMeasureForecastRecord } from './forecast-record/recorded-measure-forecast.entity';
import { RecordedForecastRecord } from './forecast-record/recorded-forecast.entity';
import { InitiativeResource } from './sop-policy/initiative-resource.entity';
import { NodeSopPolicy } from './sop-policy/sop-policy.entity';

/** The entities of the plans schema and the migrations that build it, in order. */
export const PLANS_ENTITIES: Function[] = [
  StackProbe,
  StackProbeReceipt,
  // The outside systems registered for the sales and operations feeds.
  FeedSourceRecord,
  FeedSourceKeyRecord,
  OrgNode,
  // The portfolio read model, per initiative and per period, and its totals per program, stage and period.
  PortfolioInitiative,
  PortfolioConfirmation,
  PortfolioPeriodValue,
  PortfolioValueTotal,
  PortfolioMeasure,
  // Plans and scenarios per node, actual demand, S&OP policies and what initiatives need.
  Plan,
  PlanCell,
  PlanActual,
  PlanImport,
  NodeSopPolicy,
  InitiativeResource,
  // S&OP cycles, their exceptions, the decisions, and each node's cycle setup.
  SopCycleRecord,
  SopExceptionRecord,
  SopDecisionRecord,
  SopCycleSetup,
  // What the decisions ask for, followed until done or dropped.
  SopActionRecord,
  // Value forecasts as each cycle found them, to judge them against confirmed value.
  RecordedForecastRecord,
  RecordedMeasureForecastRecord,
  // What people are told, with its receipts, their settings, and the initiatives as the notifications know them.
  NotificationRecord,
  NotificationSetting,
  NoticeInitiative,
  ChatWebhook,
  CalendarMilestone,
  CalendarToken,
];

export const PLANS_MIGRATIONS: Function[] = [
  InitialSchema1764028800000,
  OrgHierarchy1764288000000,
  PortfolioReadModel1764374400000,
  PortfolioByPeriod1764460800000,
  PlansAndScenarios1764547200000,
  SopCycles1764633600000,
  PortfolioValueTotals1764806400000,
  FeedSources1764979200000,
  PlanImport1764979200001,
  OutboxTraceContext1765065600000,
  AfterTheMeeting1765238400000,
  RecordedForecasts1765324800000,
  DecisionChecks1765411200000,
  WaitingGates1765497600000,
  Notifications1765584000000,
  NotificationOccasions1765670400000,
  NotificationDigests1765756800000,
  ChatWebhooks1765843200000,
  Calendars1765929600000,
  NotificationIndexes1766016000000,
  MeasureForecasts1766102400000,
];
