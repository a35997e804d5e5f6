import { personalCalendar, sopCalendar, withPlannedDates, type SopCycleDates } from './calendar';

const DAY = 86_400_000;
const cycle: SopCycleDates = {
  cycleId: 'c1',
  orgNodeId: 'n',
  nodeName: 'Acme',
  period: '2027-03',
  chairId: 'lena',
  steps: [
    { step: 'data_gathering', ownerId: 'dana', dueAt: '2027-03-03T09:00:00.000Z', completedAt: '2027-03-02T09:00:00.000Z' },
    { step: 'demand_review', ownerId: 'dana', dueAt: '2027-03-07T09:00:00.000Z', completedAt: null },
    { step: 'executive_sop', ownerId: 'lena', dueAt: '2027-03-20T09:00:00.000Z', completedAt: null },
    { step: 'published', ownerId: 'lena', dueAt: null, completedAt: null },
  ],
};

describe('calendars', () => {
  it("holds a person's milestones, gates awaiting their key, actions and S&OP steps, each named for good", () => {
    const entries = personalCalendar(
      'dana',
      {
        milestones: [{ initiativeId: 'i1', milestoneId: 'm1', initiativeTitle: 'Dock slots', title: 'Pilot', dueDate: '2027-04-01' }],
        gatesAwaiting: [{ initiativeId: 'i2', initiativeTitle: 'Cross-dock', gateRequestId: 'g1', targetStage: 2, submittedAt: '2027-03-01T10:00:00.000Z' }],
        actions: [{ actionId: 'a1', title: 'Third shift', dueDate: '2027-03-15', doneWhen: 'rota signed' }],
        cycles: [cycle],
      },
      10 * DAY,
    );
    expect(entries.map((entry) => [entry.uid, entry.start, entry.summary])).toEqual([
      ['sop-c1-demand_review@tollgate', '2027-03-07T09:00:00.000Z', 'Demand review: Acme, Mar 2027'],
      ['gate-g1@tollgate', '2027-03-11', 'Gate to decide: Cross-dock to DoI 2 (Detailed)'],
      ['action-a1@tollgate', '2027-03-15', 'Action due: Third shift'],
      ['milestone-i1-m1@tollgate', '2027-04-01', 'Milestone due: Pilot (Dock slots)'],
    ]);
  });

  it('plans the steps to come from the one before and their durations', () => {
    const steps = withPlannedDates(
      [
        { step: 'data_gathering', dueAt: '2027-03-03T09:00:00.000Z', completedAt: '2027-03-02T09:00:00.000Z' },
        { step: 'demand_review', dueAt: '2027-03-06T09:00:00.000Z', completedAt: null },
        { step: 'supply_review', dueAt: null, completedAt: null },
        { step: 'published', dueAt: null, completedAt: null },
      ],
      { supply_review: 3 * DAY },
    );
    expect(steps.map((step) => step.dueAt)).toEqual(['2027-03-03T09:00:00.000Z', '2027-03-06T09:00:00.000Z', '2027-03-09T09:00:00.000Z', null]);
  });

  it("gives the chair the executive meeting, and a node's calendar every step still to come", () => {
    expect(personalCalendar('lena', { milestones: [], gatesAwaiting: [], actions: [], cycles: [cycle] }, DAY).map((entry) => entry.summary)).toEqual(['Executive S&OP meeting: Acme, Mar 2027']);
    expect(sopCalendar([cycle]).map((entry) => entry.uid)).toEqual(['sop-c1-demand_review@tollgate', 'sop-c1-executive_sop@tollgate']);
  });
});
