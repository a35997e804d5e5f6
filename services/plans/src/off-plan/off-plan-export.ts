import type { OffPlanView } from '@tollgate/contracts/views';
import { gateKeysInWords, moneyInWords, SOP_EXCEPTION_WORDS, type SopExceptionKind } from '@tollgate/domain';
import { notesTable, withCurrencyColumn, type SheetTable } from '@tollgate/spreadsheets';

type OffPlanExceptionView = OffPlanView['exceptions'][number];

/** What an exception's figures say, in words: one column holds value and volumes alike without mixing their units. */
export function figuresInWords(exception: OffPlanExceptionView, currency: string): string {
  const money = (amount: number | null) => (amount === null ? 'n/a' : moneyInWords(amount, currency));
  const { figures } = exception;
  switch (exception.kind) {
    case 'demand_exceeds_capacity':
      return `capacity ${exception.reference ?? 'n/a'}, demand ${exception.actual ?? 'n/a'} (volumes)`;
    case 'initiative_escalated':
      return figures.milestone ? `milestone “${figures.milestone.title}” due ${figures.milestone.dueDate}, ${figures.milestone.daysLate} days late, escalation rung ${figures.milestone.level}` : 'a milestone is late';
    case 'gate_request_waiting':
      return figures.gateRequest
        ? `gate to DoI ${figures.gateRequest.targetStage} asked ${figures.gateRequest.submittedAt.slice(0, 10)}, ${figures.gateRequest.daysWaiting} days waiting for ${gateKeysInWords(figures.gateRequest.keys)}`
        : 'a gate request waits for its keys';
    case 'action_overdue':
      return figures.action ? `“${figures.action.title}” due ${figures.action.dueDate}` : 'an action is overdue';
    case 'phantom_progress':
      return `${(figures.reasons ?? []).join(', ')}; planned ${money(exception.reference)}`;
    case 'forecast_below_target_ytd':
      return `target since ${figures.from ?? 'January'} ${money(exception.reference)}, forecast ${money(exception.actual)}`;
    case 'forecast_below_target':
      return `target ${money(exception.reference)}, forecast ${money(exception.actual)}`;
    default:
      return `plan ${money(exception.reference)}, forecast ${money(exception.actual)}`;
  }
}

/**
 * What is off plan under a node as a file: the same list the node page and
 * the S&OP agenda show, the most at risk first, each with its owner, its
 * figures in words, its value at risk and whether it recurs.
 */
export function offPlanSheets(offPlan: OffPlanView, nodeName: string, exportedAt: string): SheetTable[] {
  const { currency } = offPlan;
  const table = withCurrencyColumn({
    name: 'Off plan',
    currency,
    columns: [
      { key: 'rank', header: 'Rank', kind: 'integer', note: 'by value at risk, the most first; deviations in volumes after every valued one' },
      { key: 'kind', header: 'Deviation', kind: 'text' },
      { key: 'subject', header: 'About', kind: 'text' },
      { key: 'owner', header: 'Owes the mitigation', kind: 'text' },
      { key: 'valueAtRisk', header: 'Value at risk', kind: 'money', note: 'what the deviation puts at risk; empty for a gap in volumes' },
      { key: 'figures', header: 'Figures', kind: 'text' },
      { key: 'cycles', header: 'Cycles running', kind: 'integer', note: 'how many S&OP cycles in a row have raised it, this month included' },
      { key: 'mitigationFailed', header: 'Mitigation did not work', kind: 'text', note: 'yes when a mitigation accepted for it has passed its date and it is still here' },
    ],
    rows: offPlan.exceptions.map((exception, index) => ({
      rank: index + 1,
      kind: (SOP_EXCEPTION_WORDS as Record<string, string>)[exception.kind as SopExceptionKind] ?? exception.kind,
      subject: exception.subjectName ?? exception.subject,
      owner: exception.ownerId,
      valueAtRisk: exception.valueAtRisk,
      figures: figuresInWords(exception, currency),
      cycles: exception.figures.recurrence?.cycles ?? 1,
      mitigationFailed: exception.figures.recurrence?.mitigationFailed ? 'yes' : 'no',
    })),
  });
  const facts = [
    ['Export', 'What is off plan'],
    ['Org node', `${nodeName} (${offPlan.orgNodeId})`],
    ['Month', offPlan.period],
    ['Rule', 'the one rule the node page and the S&OP agenda use (offPlan): forecast under target or off plan, demand beyond capacity, escalated initiatives, gate requests waiting past the policy, phantom progress, overdue actions'],
    ['As of', offPlan.asOf],
    ['Exported at', exportedAt],
  ] as const;
  return [table, notesTable(facts, [table])];
}
