import { currentEscalation, escalationLevel, escalationSteps, nextEscalationAt } from './escalation';
import { isLate, type Milestone } from './milestone';
import { parseIsoDuration } from './iso-duration';

const DAY = 86_400_000;
const policy = { sponsorGraceMs: 7 * DAY, steeringCommitteeGraceMs: 14 * DAY };
const lateAt = Date.parse('2027-02-01T00:00:00Z'); // the day after the due date
const milestone: Milestone = { id: 'ms1', title: 'Tender sent', dueDate: '2027-01-31', completedAt: null, completedBy: null, evidence: null };

describe('milestone lateness and the escalation ladder', () => {
  it('a milestone is late once its due day has passed in UTC', () => {
    expect(isLate(milestone, lateAt - 1)).toBe(false);
    expect(isLate(milestone, lateAt)).toBe(true);
  });

  it('climbs owner, then sponsor after the first grace period, then the steering committee after the second', () => {
    expect(escalationLevel(milestone, lateAt - 1, policy)).toBe(0);
    expect(escalationLevel(milestone, lateAt, policy)).toBe(1);
    expect(escalationLevel(milestone, lateAt + 7 * DAY - 1, policy)).toBe(1);
    expect(escalationLevel(milestone, lateAt + 7 * DAY, policy)).toBe(2);
    expect(escalationLevel(milestone, lateAt + 21 * DAY - 1, policy)).toBe(2);
    expect(escalationLevel(milestone, lateAt + 21 * DAY, policy)).toBe(3);
    expect(escalationLevel(milestone, lateAt + 400 * DAY, policy)).toBe(3);
  });

  it('a completed milestone never escalates', () => {
    expect(escalationLevel({ ...milestone, completedAt: '2027-02-10T00:00:00Z' }, lateAt + 30 * DAY, policy)).toBe(0);
  });

  it('names the next instant any open milestone climbs a rung', () => {
    const later: Milestone = { ...milestone, id: 'ms2', dueDate: '2027-03-31' };
    expect(nextEscalationAt([milestone, later], lateAt - DAY, policy)).toBe(lateAt);
    expect(nextEscalationAt([milestone, later], lateAt, policy)).toBe(lateAt + 7 * DAY);
    expect(nextEscalationAt([milestone], lateAt + 21 * DAY, policy)).toBeNull();
    expect(nextEscalationAt([{ ...milestone, completedAt: 'x' }], 0, policy)).toBeNull();
  });

  it('announces each rung climbed, lowest first, even when several passed at once', () => {
    const other: Milestone = { ...milestone, id: 'ms2' };
    expect(escalationSteps([milestone, other], { ms1: 1 }, lateAt + 22 * DAY, policy)).toEqual([
      { milestoneId: 'ms2', level: 1, audience: 'owner' },
      { milestoneId: 'ms1', level: 2, audience: 'sponsor' },
      { milestoneId: 'ms2', level: 2, audience: 'sponsor' },
      { milestoneId: 'ms1', level: 3, audience: 'steering_committee' },
      { milestoneId: 'ms2', level: 3, audience: 'steering_committee' },
    ]);
    expect(escalationSteps([milestone], { ms1: 3 }, lateAt + 30 * DAY, policy)).toEqual([]);
  });

  it('the current escalation is the highest rung of an open milestone', () => {
    const done: Milestone = { ...milestone, id: 'ms2', completedAt: '2027-02-02T00:00:00Z' };
    expect(currentEscalation([milestone, done], { ms1: 2, ms2: 3 })).toEqual({ milestoneId: 'ms1', level: 2, audience: 'sponsor' });
    expect(currentEscalation([done], { ms2: 3 })).toBeNull();
  });
});

describe('ISO-8601 grace periods', () => {
  it('reads weeks, days and clock units', () => {
    expect(parseIsoDuration('P7D')).toBe(7 * DAY);
    expect(parseIsoDuration('P2W')).toBe(14 * DAY);
    expect(parseIsoDuration('P1DT12H')).toBe(1.5 * DAY);
    expect(parseIsoDuration('PT30M')).toBe(1_800_000);
  });

  it('refuses what is not an exact, positive duration', () => {
    for (const text of ['7D', 'P', 'PT', 'P1M', 'P1Y', 'P0D', 'P-1D', 'seven days']) {
      expect(parseIsoDuration(text)).toBeUndefined();
    }
  });
});
