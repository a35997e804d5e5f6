import type { SopCycleView, SopDecisionView, SopExceptionView, SopStepView } from '@tollgate/contracts/views';
import { decidedSubjects, isLate, mayCompleteStep, mayDecideSop, mayMitigate } from './sop-rights';

const step = (overrides: Partial<SopStepView> = {}): SopStepView => ({
  step: 'executive_sop',
  ownerId: 'lena',
  startedAt: '2026-12-01T00:00:00Z',
  dueAt: '2026-12-05T00:00:00Z',
  completedAt: null,
  completedBy: null,
  note: null,
  overdue: false,
  ...overrides,
});
const cycle = (overrides: Partial<SopCycleView> = {}): SopCycleView => ({
  id: 'c',
  orgNodeId: 'n',
  period: '2026-12',
  step: 'executive_sop',
  chairId: 'lena',
  startedBy: 'pat',
  startedAt: '2026-12-01T00:00:00Z',
  steps: [step()],
  mitigationDueAt: null,
  exceptions: 1,
  escalations: [],
  decisions: [],
  ...overrides,
});
const exception = (overrides: Partial<SopExceptionView> = {}): SopExceptionView => ({
  id: 'e1',
  kind: 'initiative_escalated',
  subject: 'i1',
  subjectName: 'Cross-dock',
  period: '2026-12',
  reference: 0,
  actual: 0,
  deviation: 0,
  ownerId: 'sam',
  state: 'awaiting_mitigation',
  mitigation: null,
  valueAtRisk: null,
  figures: {},
  ...overrides,
});
const lena = { sub: 'lena', roles: ['sponsor'] };
const sam = { sub: 'sam', roles: ['sponsor'] };
const pat = { sub: 'pat', roles: ['pmo'] };
const ada = { sub: 'ada', roles: ['admin'] };

describe('what the S&OP review room offers', () => {
  it('offers the current step to its owner, a PMO or an admin, and no other step', () => {
    expect(mayCompleteStep(lena, cycle(), step())).toBe(true);
    expect(mayCompleteStep(pat, cycle(), step())).toBe(true);
    expect(mayCompleteStep(ada, cycle(), step())).toBe(true);
    expect(mayCompleteStep(sam, cycle(), step())).toBe(false);
    expect(mayCompleteStep(lena, cycle({ step: 'pre_sop' }), step())).toBe(false);
  });

  it('offers a mitigation to the exception owner until one is sent or the cycle is published', () => {
    expect(mayMitigate(sam, cycle(), exception())).toBe(true);
    expect(mayMitigate(lena, cycle(), exception())).toBe(false);
    expect(mayMitigate(sam, cycle(), exception({ mitigation: { action: 'a', ownerId: 'sam', dueDate: '2026-12-20', submittedBy: 'sam', submittedAt: '' } }))).toBe(false);
    expect(mayMitigate(sam, cycle({ step: 'published' }), exception())).toBe(false);
  });

  it('offers decisions to the chair or a PMO at the executive S&OP only; an admin decides nothing', () => {
    expect(mayDecideSop(lena, cycle())).toBe(true);
    expect(mayDecideSop(pat, cycle())).toBe(true);
    expect(mayDecideSop(ada, cycle())).toBe(false);
    expect(mayDecideSop(sam, cycle())).toBe(false);
    expect(mayDecideSop(lena, cycle({ step: 'pre_sop' }))).toBe(false);
  });

  it('knows which mitigations are accepted and which pivots are decided', () => {
    const decision = (kind: SopDecisionView['kind'], subject: string) => ({ decisionId: kind, kind, subject, rationale: 'r', decidedBy: 'lena', decidedAt: '', outcome: null, actions: [] });
    const decided = decidedSubjects(cycle({ decisions: [decision('accept_mitigation', 'e1'), decision('approve_pivot', 'p1'), decision('reject_pivot', 'p2')] }));
    expect([...decided.mitigations]).toEqual(['e1']);
    expect(Object.fromEntries(decided.pivots)).toEqual({ p1: 'approved', p2: 'rejected' });
  });

  it('marks a step late past its deadline, and a step completed after it', () => {
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(isLate(step(), now)).toBe(true);
    expect(isLate(step(), Date.parse('2026-12-04T00:00:00Z'))).toBe(false);
    expect(isLate(step({ completedAt: '2026-12-04T00:00:00Z' }), now)).toBe(false);
    expect(isLate(step({ completedAt: '2026-12-05T12:00:00Z' }), now)).toBe(true);
    expect(isLate(step({ dueAt: null, step: 'published' }), now)).toBe(false);
  });
});
