import { majorUnits, minorUnitDigits } from '../money';
import { STAGES } from '../stage';

/**
 * What a notification was sent on, as a key that the audit trail's entry of
 * the same change also yields: the page that shows the trail puts each
 * receipt beside the change it told of ("sponsor told by email at …"). An
 * event's data and an audit entry's details carry the same ids; times do
 * not, since one change may follow another within the same second.
 */
export function occasionOfEvent(type: string, data: Record<string, unknown>): string | null {
  switch (type) {
    case 'initiative.gate-requested':
      return `gate:${data.gateRequestId}:requested`;
    case 'initiative.gate-rejected':
      return `gate:${data.gateRequestId}:rejected`;
    case 'initiative.stage-changed':
      return `stage:${data.fromStage}->${data.toStage}`;
    case 'initiative.milestone-missed':
      return `milestone:${data.milestoneId}:1`;
    case 'initiative.escalated':
      return `milestone:${data.milestoneId}:${data.level}`;
    case 'initiative.closure-requested':
      return 'closure:requested';
    case 'initiative.closure-rejected':
      return `closure:${data.confirmationId}:rejected`;
    case 'initiative.closed':
      return 'closure:closed';
    case 'plans.action-opened':
    case 'plans.action-reminded':
    case 'plans.action-overdue':
      return `action:${data.actionId}:${type.slice('plans.action-'.length)}`;
    case 'plans.decision-checked':
      return `decision:${data.decisionId}:checked`;
    case 'plans.exception-raised':
      return `exception:${data.exceptionId}:raised`;
    case 'plans.cycle-escalated':
      return `cycle:${data.cycleId}:${data.kind}:${data.subject}`;
    case 'plans.cycle-paper-issued':
      return `cycle:${data.cycleId}:${data.paper}`;
    case 'plans.cycle-step-due':
      return `cycle:${data.cycleId}:step_due:${data.step}`;
    default:
      return null;
  }
}

/** The same key from an entry of an initiative's audit trail: its action and details. */
export function occasionOfAuditEntry(action: string, details: Record<string, unknown>): string | null {
  switch (action) {
    case 'gate_requested':
      return `gate:${details.gateRequestId}:requested`;
    case 'gate_rejected':
      return `gate:${details.gateRequestId}:rejected`;
    case 'stage_changed':
      return `stage:${details.fromStage}->${details.toStage}`;
    case 'milestone_escalated':
      return `milestone:${details.milestoneId}:${details.level}`;
    case 'closure_requested':
      return 'closure:requested';
    case 'closure_rejected':
      return `closure:${details.confirmationId}:rejected`;
    case 'closed':
      return 'closure:closed';
    default:
      return null;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as the cockpit shows days (7 Dec 2026), for what people are told; the same in every runtime. */
export function dayInWords(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** An amount in minor units as people read it: EUR 1,234,567.00. */
export function moneyInWords(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return `${currency} ${majorUnits(minor, currency).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** A month (YYYY-MM) as people read it: Mar 2027. */
export function monthInWords(period: string): string {
  return dayInWords(`${period}-01`).replace(/^1 /, '');
}

/** A stage as people read it: DoI 2 (Detailed). */
export function doiInWords(stage: number): string {
  return `DoI ${stage} (${STAGES.find((candidate) => candidate.stage === stage)?.name ?? 'unknown'})`;
}

const KEY_HOLDERS: Record<string, string> = { sponsor: 'the sponsor', controller: 'the controller', pmo: 'the PMO' };

/** The keys a gate waits for, one list of acceptable keys a slot, as people read them: "the sponsor or the PMO, and the controller". */
export function gateKeysInWords(keys: readonly (readonly string[])[]): string {
  return keys.map((slot) => slot.map((key) => KEY_HOLDERS[key] ?? key).join(' or ')).join(', and ');
}
