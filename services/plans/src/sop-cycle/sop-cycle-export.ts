import type { SopActionView } from '@tollgate/contracts/views';
import type { SopExceptionKind } from '@tollgate/domain';
import { notesTable, withCurrencyColumn, type SheetColumn, type SheetTable } from '@tollgate/spreadsheets';
import type { agendaView, cycleView } from './sop-cycle-view';

type CycleView = ReturnType<typeof cycleView>;
type AgendaView = ReturnType<typeof agendaView>;
type AgendaException = AgendaView['exceptions'][number];

/** The decisions as `GET /api/sop-cycles/:cycleId/decisions` answers them. */
export interface SopDecisionsView {
  cycleId: string;
  decisions: readonly { kind: string; subject: string | null; rationale: string; decidedBy: string; decidedAt: string; outcome: readonly string[] | null }[];
}

/** What an S&OP cycle's file holds: the cycle, its agenda and decisions as the API answers them, and the currency its value exceptions are in. */
export interface SopCycleExport {
  cycle: CycleView;
  agenda: AgendaView;
  decisions: SopDecisionsView;
  /** What the cycle's decisions asked for, and what became of it. */
  actions: readonly SopActionView[];
  /** Of the node's plan of record, as the exceptions were found in: else EUR. */
  currency: string;
}

// An exception's figures are money or volumes by its kind; a column holds one unit, so each unit has its sheet.
const VALUE_KINDS: readonly SopExceptionKind[] = ['forecast_below_plan', 'forecast_above_plan', 'forecast_below_target', 'forecast_below_target_ytd'];

/** Exceptions about an initiative's progress or an action: their figure is the value they put at risk. */
const AT_RISK_KINDS: readonly SopExceptionKind[] = ['phantom_progress', 'action_overdue'];

/** A code of the API as words: `awaiting_mitigation` is awaiting mitigation. */
export function inWords(code: string): string {
  return code.replace(/_/g, ' ');
}

const MITIGATION_COLUMNS: readonly SheetColumn[] = [
  { key: 'ownerId', header: 'Owner', kind: 'text', note: 'who owes the mitigation' },
  { key: 'state', header: 'State', kind: 'text' },
  { key: 'action', header: 'Mitigation', kind: 'text', width: 40 },
  { key: 'actionOwnerId', header: 'Carried out by', kind: 'text' },
  { key: 'dueDate', header: 'Due', kind: 'date' },
  { key: 'submittedBy', header: 'Submitted by', kind: 'text' },
  { key: 'submittedAt', header: 'Submitted at', kind: 'instant' },
];

function mitigationCells(exception: AgendaException) {
  const { mitigation } = exception;
  return {
    ownerId: exception.ownerId,
    state: inWords(exception.state),
    action: mitigation?.action ?? null,
    actionOwnerId: mitigation?.ownerId ?? null,
    dueDate: mitigation?.dueDate ?? null,
    submittedBy: mitigation?.submittedBy ?? null,
    submittedAt: mitigation?.submittedAt ?? null,
  };
}

/** The family of a capacity exception's subject, `node/family`. */
const familyOf = (subject: string) => subject.slice(subject.indexOf('/') + 1);

/**
 * A cycle's sheets: its exceptions by unit (value, capacity, escalated
 * initiatives), each with its mitigation; the escalations; the proposed
 * pivots, best first; the decisions in the order they were recorded; notes.
 */
export function sopCycleSheets({ cycle, agenda, decisions, actions, currency }: SopCycleExport, exportedAt: string): SheetTable[] {
  const period: SheetColumn = { key: 'period', header: 'Period', kind: 'period' };
  const ofKind = (kinds: readonly string[]) => agenda.exceptions.filter((exception) => kinds.includes(exception.kind));
  const tables: SheetTable[] = [
    withCurrencyColumn({
      name: 'Value exceptions',
      currency,
      columns: [
        { key: 'kind', header: 'Exception', kind: 'text', width: 24 },
        { key: 'subject', header: 'Node', kind: 'text', width: 24 },
        period,
        { key: 'reference', header: 'Plan or target', kind: 'money', note: "the planned value, or the plan of record's target for a forecast below target" },
        { key: 'actual', header: 'Forecast', kind: 'money' },
        { key: 'deviation', header: 'Deviation', kind: 'money', note: 'forecast less plan or target' },
        ...MITIGATION_COLUMNS,
      ],
      rows: ofKind(VALUE_KINDS).map((exception) => ({
        kind: inWords(exception.kind),
        subject: exception.subjectName ?? exception.subject,
        period: exception.period,
        reference: exception.reference,
        actual: exception.actual,
        deviation: exception.deviation,
        ...mitigationCells(exception),
      })),
    }),
    {
      name: 'Capacity exceptions',
      columns: [
        { key: 'family', header: 'Family', kind: 'text', width: 24 },
        { key: 'subject', header: 'Subject', kind: 'text', width: 32 },
        period,
        { key: 'reference', header: 'Capacity', kind: 'integer', note: 'units' },
        { key: 'actual', header: 'Demand', kind: 'integer', note: 'units' },
        { key: 'deviation', header: 'Demand over capacity', kind: 'integer', note: 'units of demand beyond capacity' },
        ...MITIGATION_COLUMNS,
      ],
      rows: ofKind(['demand_exceeds_capacity']).map((exception) => ({
        family: familyOf(exception.subject),
        subject: exception.subjectName ?? exception.subject,
        period: exception.period,
        reference: exception.reference,
        actual: exception.actual,
        deviation: exception.deviation,
        ...mitigationCells(exception),
      })),
    },
    {
      name: 'Escalated initiatives',
      columns: [
        { key: 'initiativeId', header: 'Initiative', kind: 'text' },
        { key: 'title', header: 'Title', kind: 'text', width: 32 },
        period,
        ...MITIGATION_COLUMNS,
      ],
      rows: ofKind(['initiative_escalated']).map((exception) => ({
        initiativeId: exception.subject,
        title: exception.subjectName,
        period: exception.period,
        ...mitigationCells(exception),
      })),
    },
    withCurrencyColumn({
      name: 'Other exceptions',
      currency,
      columns: [
        { key: 'kind', header: 'Exception', kind: 'text', width: 20 },
        { key: 'subject', header: 'Subject', kind: 'text', width: 32, note: 'the initiative, or the overdue action' },
        period,
        { key: 'why', header: 'Why', kind: 'text', width: 40 },
        { key: 'valueAtRisk', header: 'Value at risk', kind: 'money' },
        ...MITIGATION_COLUMNS,
      ],
      rows: ofKind(AT_RISK_KINDS).map((exception) => ({
        kind: inWords(exception.kind),
        subject: exception.figures.action?.title ?? exception.subjectName ?? exception.subject,
        period: exception.period,
        why: exception.figures.action ? `due ${exception.figures.action.dueDate}, not done` : (exception.figures.reasons ?? []).map(inWords).join('; '),
        valueAtRisk: exception.valueAtRisk,
        ...mitigationCells(exception),
      })),
    }),
    {
      name: 'Actions',
      columns: [
        { key: 'title', header: 'Action', kind: 'text', width: 40 },
        { key: 'ownerId', header: 'Owner', kind: 'text' },
        { key: 'dueDate', header: 'Due', kind: 'date' },
        { key: 'status', header: 'Status', kind: 'text', note: 'open, done or dropped; overdue when open past its date' },
        { key: 'expectedEffect', header: 'Expected effect', kind: 'text', width: 32 },
        { key: 'doneWhen', header: 'Done when', kind: 'text', width: 32 },
        { key: 'closed', header: 'Evidence or reason', kind: 'text', width: 40, note: 'the evidence it was done with, or why the chair dropped it' },
        { key: 'escalatedTo', header: 'Escalated to', kind: 'text' },
      ],
      rows: actions.map((action) => ({
        title: action.title,
        ownerId: action.ownerId,
        dueDate: action.dueDate,
        status: action.overdue ? 'overdue' : action.status,
        expectedEffect: action.expectedEffect,
        doneWhen: action.doneWhen,
        closed: action.done?.evidence.text ?? action.dropped?.reason ?? null,
        escalatedTo: action.escalatedTo,
      })),
    },
    {
      name: 'Escalations',
      columns: [
        { key: 'kind', header: 'Escalation', kind: 'text', width: 20 },
        { key: 'subject', header: 'Subject', kind: 'text', note: 'the late step, or the exception without its mitigation' },
        { key: 'ownerId', header: 'Owner', kind: 'text' },
        { key: 'escalatedTo', header: 'Escalated to', kind: 'text' },
        { key: 'at', header: 'At', kind: 'instant' },
      ],
      rows: agenda.escalations.map((escalation) => ({ ...escalation, kind: inWords(escalation.kind) })),
    },
    {
      name: 'Pivots',
      columns: [
        { key: 'initiativeId', header: 'Initiative', kind: 'text' },
        { key: 'title', header: 'Title', kind: 'text', width: 32 },
        { key: 'programId', header: 'Program', kind: 'text' },
        { key: 'programName', header: 'Program name', kind: 'text', width: 24 },
        { key: 'move', header: 'Move', kind: 'text' },
        { key: 'score', header: 'Score', kind: 'integer', note: 'risk-weighted value still to come per unit of budget and FTE: the ranking, best first' },
      ],
      rows: agenda.pivots.map((pivot) => ({ ...pivot })),
    },
    {
      name: 'Decisions',
      columns: [
        { key: 'decidedAt', header: 'Decided at', kind: 'instant' },
        { key: 'kind', header: 'Decision', kind: 'text', width: 20 },
        { key: 'subject', header: 'Subject', kind: 'text', note: 'the program of a pivot, the scenario promoted, the exception whose mitigation is accepted; empty for a resolution' },
        { key: 'rationale', header: 'Rationale', kind: 'text', width: 40 },
        { key: 'decidedBy', header: 'Decided by', kind: 'text' },
        { key: 'outcome', header: 'Outcome', kind: 'text', width: 40, note: 'what applying the decision did, each effect apart by "; "' },
      ],
      rows: decisions.decisions.map((decision) => ({ ...decision, kind: inWords(decision.kind), outcome: decision.outcome?.length ? decision.outcome.join('; ') : null })),
    },
  ];
  const facts = [
    ['Export', 'S&OP cycle: agenda and decisions'],
    ['Cycle', cycle.id],
    ['Org node', cycle.orgNodeId],
    ['Period', cycle.period],
    ['Step', inWords(cycle.step)],
    ['Chair', cycle.chairId],
    ['Started at', cycle.startedAt],
    ['Mitigations due', cycle.mitigationDueAt],
    ['Currency of value exceptions', currency],
    ['Exported at', exportedAt],
  ] as const;
  return [...tables, notesTable(facts, tables)];
}
