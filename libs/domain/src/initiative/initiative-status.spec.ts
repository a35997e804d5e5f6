import { deriveStatus } from './initiative-status';

const base = { stage: 2 as const, cancelled: false, onHold: false, escalationLevel: 0 as const };

describe('status derivation', () => {
  it('follows the most decisive fact', () => {
    expect(deriveStatus(base)).toBe('on_track');
    expect(deriveStatus({ ...base, escalationLevel: 1 })).toBe('at_risk');
    expect(deriveStatus({ ...base, escalationLevel: 2 })).toBe('escalated');
    expect(deriveStatus({ ...base, escalationLevel: 3 })).toBe('escalated');
    expect(deriveStatus({ ...base, escalationLevel: 3, onHold: true })).toBe('on_hold');
    expect(deriveStatus({ ...base, onHold: true, cancelled: true })).toBe('cancelled');
    expect(deriveStatus({ ...base, stage: 5, escalationLevel: 3 })).toBe('closed');
  });
});
