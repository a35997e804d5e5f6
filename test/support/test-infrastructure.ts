import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { TEST_ENVIRONMENT } from './test-environment';

export type InfrastructurePart = 'postgres' | 'kafka' | 'temporal';

/**
 * Stops or starts one server of the tests' own infrastructure, through the
 * same script that `npm test` started it with. The stack is named
 * explicitly: a fault test run by hand stops the tests' PostgreSQL, never
 * the one `npm run up` serves.
 */
export function testInfrastructure(part: InfrastructurePart, action: 'start' | 'stop'): void {
  execFileSync('bash', [path.resolve(__dirname, `../../deploy/local/${part}.sh`), action], {
    stdio: 'inherit',
    timeout: 180_000,
    env: { ...process.env, TOLLGATE_STACK: TEST_ENVIRONMENT.stack },
  });
}
