import type { SopActionView } from '@tollgate/contracts/views';
import { initialSopCycleState, instantAt, type SopCycleState } from '@tollgate/domain';
import { csvOf, type SheetTable } from '@tollgate/spreadsheets';
import { inWords, sopCycleSheets } from './sop-cycle-export';
import type { SopExceptionRecord } from './sop-exception.entity';
import { agendaView, cycleView } from './sop-cycle-view';

const csv = (table: SheetTable) => csvOf(table).toString('utf8').trim().split('\r\n');
const NOW = Date.parse('2027-03-20T09:00:00.000Z');
const owners = { data_gathering: 'dana', demand_review: 'dana', supply_review: 'sue', pre_sop: 'dana', executive_sop: 'carl' };
const day = 86_400_000;

function cycleState(): SopCycleState {
  const state = initialSopCycleState({
    cycleId: 'sop-cycle-node-1-2027-03',
    orgNodeId: 'node-1',
    period: '2027-03',
    startedBy: 'admin',
    now: NOW,
    plan: { owners, durationsMs: { data_gathering: day, demand_review: day, supply_review: day, pre_sop: day, executive_sop: day }, mitigationWindowMs: 3 * day },
  });
  state.exceptions = [
    { exceptionId: 'e-target', kind: 'forecast_below_target', subject: 'node-1', ownerId: 'dana', mitigation: null, escalated: false },
    {
      exceptionId: 'e-gap',
      kind: 'demand_exceeds_capacity',
      subject: 'node-1/widgets',
      ownerId: 'dana',
      mitigation: { action: 'a third shift from April', ownerId: 'sue', dueDate: '2027-04-01', submittedBy: 'dana', submittedAt: instantAt(NOW + day) },
      escalated: false,
    },
    { exceptionId: 'e-escalated', kind: 'initiative_escalated', subject: 'ini-7', ownerId: 'sam', mitigation: null, escalated: true },
    { exceptionId: 'e-phantom', kind: 'phantom_progress', subject: 'ini-8', ownerId: 'olive', mitigation: null, escalated: false, valueAtRisk: 250_000 },
  ];
  state.escalations = [{ kind: 'mitigation_missing', subject: 'e-escalated', ownerId: 'sam', escalatedTo: 'carl', at: instantAt(NOW + 3 * day) }];
  state.pivots = [
    { programId: 'program-1', initiativeId: 'ini-2', move: 'hold', score: 10 },
    { programId: 'program-1', initiativeId: 'ini-3', move: 'accelerate', score: 125_000 },
  ];
  return state;
}

const record = (id: string, period: string, reference: number, actual: number) => ({ id, period, reference, actual, deviation: actual - reference }) as SopExceptionRecord;

describe('S&OP cycle export', () => {
  const state = cycleState();
  const names = new Map([
    ['node-1', 'Acme'],
    ['ini-7', 'Consolidate carriers'],
    ['ini-3', 'Second warehouse'],
    ['program-1', 'Logistics'],
  ]);
  const phantom = { ...record('e-phantom', '2027-03', 300_000, 0), valueAtRisk: 250_000, figures: { reasons: ['implemented_unconfirmed'] } } as SopExceptionRecord;
  const agenda = agendaView(state, [record('e-target', '2027-03', 5_000_000, 4_000_050), record('e-gap', '2027-03', 10_000, 12_000), phantom], names);
  const actions = [
    {
      id: 'a-1',
      title: 'a third shift from April',
      ownerId: 'sue',
      dueDate: '2027-04-01',
      status: 'done' as const,
      overdue: false,
      expectedEffect: 'widgets within capacity',
      doneWhen: 'the rota',
      done: { evidence: { text: 'rota signed', links: [] }, by: 'sue', at: '2027-03-30T00:00:00.000Z' },
      dropped: null,
      escalatedTo: null,
    },
    { id: 'a-2', title: 'carrier review', ownerId: 'sam', dueDate: '2027-03-20', status: 'open' as const, overdue: true, expectedEffect: 'ini-7 on track', doneWhen: 'a signed plan', done: null, dropped: null, escalatedTo: 'carl' },
  ] as unknown as SopActionView[];
  const decisions = {
    cycleId: state.cycleId,
    decisions: [
      { kind: 'promote_scenario', subject: 'plan-2', rationale: 'the lean plan fits, mostly', decidedBy: 'carl', decidedAt: '2027-03-25T10:00:00.000Z', outcome: ['scenario plan-2 is the plan of record of node-1', 'plan-1 superseded'] },
      { kind: 'resolution', subject: null, rationale: 'review in April', decidedBy: 'carl', decidedAt: '2027-03-25T10:05:00.000Z', outcome: [] },
    ],
  };
  const tables = sopCycleSheets({ cycle: cycleView(state), agenda, decisions, actions, currency: 'EUR' }, '2027-03-26T00:00:00.000Z');
  const sheet = (name: string) => tables.find((table) => table.name === name)!;

  it('has a sheet for each unit of exception, then escalations, pivots, decisions and notes', () => {
    expect(tables.map((table) => table.name)).toEqual(['Value exceptions', 'Capacity exceptions', 'Escalated initiatives', 'Other exceptions', 'Actions', 'Escalations', 'Pivots', 'Decisions', 'Notes']);
  });

  it('writes value exceptions in major units of the currency, and capacity exceptions in units, each with its mitigation', () => {
    expect(csv(sheet('Value exceptions'))).toEqual([
      'Exception,Node,Period,Plan or target,Forecast,Deviation,Owner,State,Mitigation,Carried out by,Due,Submitted by,Submitted at,Currency',
      'forecast below target,Acme,2027-03,50000.00,40000.50,-9999.50,dana,awaiting mitigation,,,,,,EUR',
    ]);
    expect(csv(sheet('Capacity exceptions'))).toEqual([
      'Family,Subject,Period,Capacity,Demand,Demand over capacity,Owner,State,Mitigation,Carried out by,Due,Submitted by,Submitted at',
      'widgets,widgets at Acme,2027-03,10000,12000,2000,dana,mitigated,a third shift from April,sue,2027-04-01,dana,2027-03-21T09:00:00.000Z',
    ]);
    expect(csv(sheet('Escalated initiatives'))).toEqual([
      'Initiative,Title,Period,Owner,State,Mitigation,Carried out by,Due,Submitted by,Submitted at',
      'ini-7,Consolidate carriers,2027-03,sam,escalated,,,,,',
    ]);
  });

  it('writes phantom progress with the value it puts at risk, and the actions the decisions asked for with how each was closed', () => {
    expect(csv(sheet('Other exceptions'))).toEqual([
      'Exception,Subject,Period,Why,Value at risk,Owner,State,Mitigation,Carried out by,Due,Submitted by,Submitted at,Currency',
      'phantom progress,ini-8,2027-03,implemented unconfirmed,2500.00,olive,awaiting mitigation,,,,,,EUR',
    ]);
    expect(csv(sheet('Actions'))).toEqual([
      'Action,Owner,Due,Status,Expected effect,Done when,Evidence or reason,Escalated to',
      'a third shift from April,sue,2027-04-01,done,widgets within capacity,the rota,rota signed,',
      'carrier review,sam,2027-03-20,overdue,ini-7 on track,a signed plan,,carl',
    ]);
  });

  it('lists escalations, the pivots best first, and the decisions with their outcomes', () => {
    expect(csv(sheet('Escalations'))).toEqual(['Escalation,Subject,Owner,Escalated to,At', 'mitigation missing,e-escalated,sam,carl,2027-03-23T09:00:00.000Z']);
    expect(csv(sheet('Pivots'))).toEqual([
      'Initiative,Title,Program,Program name,Move,Score',
      'ini-3,Second warehouse,program-1,Logistics,accelerate,125000',
      'ini-2,,program-1,Logistics,hold,10',
    ]);
    expect(csv(sheet('Decisions'))).toEqual([
      'Decided at,Decision,Subject,Rationale,Decided by,Outcome',
      '2027-03-25T10:00:00.000Z,promote scenario,plan-2,"the lean plan fits, mostly",carl,scenario plan-2 is the plan of record of node-1; plan-1 superseded',
      '2027-03-25T10:05:00.000Z,resolution,,review in April,carl,',
    ]);
    expect(sheet('Notes').rows).toEqual(expect.arrayContaining([{ topic: 'Period', note: '2027-03' }, { topic: 'Currency of value exceptions', note: 'EUR' }]));
  });

  it('says codes in words', () => {
    expect(inWords('awaiting_mitigation')).toBe('awaiting mitigation');
  });
});
