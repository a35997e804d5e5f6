import { issueDevelopmentToken } from '@tollgate/auth';
import { randomUUID } from 'node:crypto';
import type { RunningService } from '../../../../test/support/running-service';
import { TEST_ENVIRONMENT } from '../../../../test/support/test-environment';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

// Costly routes answer 429 past their count a minute: development sign-ins by address, exports and
// verifications by person, so that one caller cannot take the service from everyone else.
describe('rate limits on costly routes', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    // The sign-in limit at its default (the other suites raise it); three heavy reads a minute, to stay quick.
    ({ plans } = stack = await startTestStack({ services: ['plans'], env: { plans: { TOLLGATE_RATE_LIMIT_SIGN_IN: '20', TOLLGATE_RATE_LIMIT_HEAVY_READS: '3' } } }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 429 with Retry-After to the 21st development sign-in from one address within a minute', async () => {
    const signIn = () => fetch(`${plans.baseUrl}/api/development/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'olivia' }) });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) statuses.push((await signIn()).status);
    expect(new Set(statuses)).toEqual(new Set([201]));
    const refused = await signIn();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ statusCode: 429, message: expect.stringMatching(/^too many requests: at most 20 a minute; try again in \d+ s$/) });
  });

  it('counts exports per person: one person past the limit is refused, another is not', async () => {
    const exportAs = (sub: string) =>
      fetch(`${plans.baseUrl}/api/plan-imports/template?format=csv`, { headers: { authorization: `Bearer ${issueDevelopmentToken({ sub, roles: ['admin'] }, TEST_ENVIRONMENT.jwtSecret)}` } });
    const busy = `admin-${randomUUID()}`;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await exportAs(busy)).status).toBe(200);
    expect((await exportAs(busy)).status).toBe(429);
    // The count is the kind's, not the route's: another export by the same person is refused too.
    const anotherExport = await fetch(`${plans.baseUrl}/api/portfolio/summary/export?orgNodeId=${randomUUID()}`, {
      headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: busy, roles: ['admin'] }, TEST_ENVIRONMENT.jwtSecret)}` },
    });
    expect(anotherExport.status).toBe(429);
    expect((await exportAs(`admin-${randomUUID()}`)).status).toBe(200);
  });
});
