import { withoutPathSecrets } from './path-secrets';

describe('paths in logs and traces', () => {
  it('hide the token of a calendar address, and nothing else', () => {
    expect(withoutPathSecrets('/api/calendars/abc_DEF-123/nodes/n1?x=1')).toBe('/api/calendars/[token]/nodes/n1?x=1');
    expect(withoutPathSecrets('/api/calendars/abc')).toBe('/api/calendars/[token]');
    expect(withoutPathSecrets('/api/me/calendar')).toBe('/api/me/calendar');
  });
});
