import { cycleParticipants, decisionSoughtInWords, decisionsSought, paperIssued } from './sop-cycle-papers';
import { initialSopCycleState, type SopCycleState } from './sop-cycle-state';

const T0 = Date.UTC(2027, 2, 1);
const owners = { data_gathering: 'dana', demand_review: 'dana', supply_review: 'sid', pre_sop: 'dana', executive_sop: 'carl' };
const base = initialSopCycleState({
  cycleId: 'c',
  orgNodeId: 'n',
  period: '2027-03',
  startedBy: 'pat',
  now: T0,
  plan: { owners, durationsMs: { data_gathering: 1, demand_review: 1, supply_review: 1, pre_sop: 1, executive_sop: 1 }, mitigationWindowMs: 1 },
});
const mitigation = { action: 'third shift', ownerId: 'sid', dueDate: '2027-04-01', submittedBy: 'dana', submittedAt: '2027-03-10T00:00:00.000Z' };
const state: SopCycleState = {
  ...base,
  exceptions: [
    { exceptionId: 'e1', kind: 'demand_exceeds_capacity', subject: 'n/widgets', ownerId: 'dana', mitigation, escalated: false },
    { exceptionId: 'e2', kind: 'forecast_below_target', subject: 'n', ownerId: 'olga', mitigation: null, escalated: true },
    { exceptionId: 'e3', kind: 'phantom_progress', subject: 'i9', ownerId: 'olga', mitigation, escalated: false },
  ],
  pivots: [
    { programId: 'p1', initiativeId: 'i1', move: 'hold', score: 1 },
    { programId: 'p1', initiativeId: 'i2', move: 'keep', score: 2 },
    { programId: 'p2', initiativeId: 'i3', move: 'accelerate', score: 3 },
  ],
  decisions: [
    { decisionId: 'd1', kind: 'accept_mitigation', subject: 'e3', rationale: 'fine', decidedBy: 'pmo-paula', decidedAt: '2027-03-12T00:00:00.000Z', outcome: [] },
    { decisionId: 'd2', kind: 'reject_pivot', subject: 'p2', rationale: 'not now', decidedBy: 'carl', decidedAt: '2027-03-12T00:00:00.000Z', outcome: [] },
  ],
};

describe("an S&OP cycle's papers", () => {
  it('asks the meeting for what is not decided yet: mitigations to accept, resolutions where none came, pivots', () => {
    expect(decisionsSought(state)).toEqual([
      { kind: 'accept_mitigation', exceptionId: 'e1', action: 'third shift', ownerId: 'sid', dueDate: '2027-04-01' },
      { kind: 'resolution', exceptionId: 'e2', reason: 'no_mitigation' },
      { kind: 'approve_pivot', programId: 'p1', moves: 1 },
    ]);
  });

  it('goes to everyone who took part, each once, the steering committee left out', () => {
    expect(cycleParticipants({ ...state, steps: state.steps.map((step) => (step.step === 'pre_sop' ? { ...step, ownerId: 'steering_committee' } : step)) })).toEqual([
      'carl',
      'pat',
      'dana',
      'sid',
      'olga',
      'pmo-paula',
    ]);
  });

  it('exists once its step is done: the pre-read after pre-S&OP, the minutes when published', () => {
    expect(paperIssued(state, 'pre_read')).toBe(false);
    const done = (step: string) => ({ ...state, steps: state.steps.map((candidate) => (candidate.step === step ? { ...candidate, completedAt: '2027-03-15T00:00:00.000Z', completedBy: 'dana' } : candidate)) });
    expect(paperIssued(done('pre_sop'), 'pre_read')).toBe(true);
    expect(paperIssued(done('pre_sop'), 'minutes')).toBe(false);
    expect(paperIssued(done('executive_sop'), 'minutes')).toBe(true);
  });

  it('says each decision sought in the same words on the page and in the PDF, by the name people know its subject by', () => {
    expect(decisionSoughtInWords({ kind: 'accept_mitigation', exceptionId: 'e1', subjectName: 'Chilled at Lyon', action: 'a third shift', ownerId: 'sid', dueDate: '2027-04-01' })).toBe(
      'Accept the mitigation of Chilled at Lyon: a third shift (sid, by 1 Apr 2027)',
    );
    expect(decisionSoughtInWords({ kind: 'resolution', exceptionId: 'e2', subjectName: null, reason: 'no_mitigation' })).toBe('Resolve e2: no mitigation came');
    expect(decisionSoughtInWords({ kind: 'approve_pivot', programId: 'p1', subjectName: 'Channel mix', moves: 1 })).toBe('Approve or reject the pivot of Channel mix (1 move)');
  });
});
