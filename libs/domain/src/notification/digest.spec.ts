import { digestDue, digestSections, localTime, type DigestItem } from './digest';

const at = (iso: string) => Date.parse(iso);
const item = (kind: DigestItem['kind'], title: string, valueAtStake: number | null, dueBy: string | null = null): DigestItem => ({ kind, title, asked: null, dueBy, link: '/', valueAtStake, currency: 'EUR' });

describe('the daily digest', () => {
  it('reads the hour and day where the person is', () => {
    expect(localTime(at('2027-03-01T23:30:00Z'), 'Europe/Berlin')).toEqual({ day: '2027-03-02', hour: 0 });
    expect(localTime(at('2027-03-01T07:59:00Z'), 'UTC')).toEqual({ day: '2027-03-01', hour: 7 });
  });

  it('is due once a day, from the person’s hour in their time zone', () => {
    const clock = { digestHour: 8, timeZone: 'Europe/Berlin', lastDigestOn: '2027-02-28' };
    expect(digestDue(clock, at('2027-03-01T06:59:00Z'))).toEqual({ due: false, day: '2027-03-01' });
    expect(digestDue(clock, at('2027-03-01T07:00:00Z'))).toEqual({ due: true, day: '2027-03-01' });
    expect(digestDue({ ...clock, lastDigestOn: '2027-03-01' }, at('2027-03-01T15:00:00Z')).due).toBe(false);
    // The service was down at eight: the day's digest still goes, later.
    expect(digestDue(clock, at('2027-03-01T20:00:00Z')).due).toBe(true);
  });

  it('groups by kind and ranks each by value at stake, then by the day asked', () => {
    const sections = digestSections([
      item('action_reminder', 'small', 10),
      item('gate_awaiting_key', 'no value', null, '2027-03-05'),
      item('gate_awaiting_key', 'large', 900),
      item('gate_awaiting_key', 'earlier', null, '2027-03-02'),
    ]);
    expect(sections.map((section) => [section.heading, section.items.map((one) => one.title)])).toEqual([
      ['A gate request awaits my key', ['large', 'earlier', 'no value']],
      ['A reminder of an action I owe', ['small']],
    ]);
  });
});
