import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closingLines, declaredTests, type TierDefinition } from './summary';

const TIERS: TierDefinition[] = [
  { name: 'unit', config: 'jest.config.js', suffix: '.spec.ts', infrastructure: false, workers: 2 },
  { name: 'e2e', config: 'e2e.config.js', suffix: '.e2e-spec.ts', infrastructure: true, workers: 1 },
];

interface FileProgress {
  passed?: number;
  failed?: number;
  skipped?: number;
  ended?: boolean;
  running?: Record<string, number>;
  error?: string;
}

// A repository of a few test files and the reports of a run over it, in a folder of the test's own.
describe('the closing line of npm test', () => {
  let root: string;
  let results: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tollgate-summary-'));
    results = path.join(root, 'results');
    mkdirSync(results);
    write('libs/a/a.spec.ts', `it('one', () => {}); it.each([1, 2])('two %s', () => {}); test.skip('three', () => {});`);
    write('libs/b/b.spec.ts', `describe('b', () => { it('one', () => {}); });`);
    write('test/e2e/c.e2e-spec.ts', `it('one', async () => {}); it('two', async () => {});`);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }

  function report(tier: string, files: Record<string, FileProgress>, steps: string[] = []): void {
    const now = Date.now();
    const state = {
      tier,
      startedAt: now - 5000,
      endedAt: now,
      files: Object.fromEntries(
        Object.entries(files).map(([file, progress]) => [
          file,
          {
            startedAt: now - 4000,
            endedAt: progress.ended === false ? null : now,
            running: progress.running ?? {},
            passed: progress.passed ?? 0,
            failed: progress.failed ?? 0,
            skipped: progress.skipped ?? 0,
            error: progress.error ?? null,
          },
        ]),
      ),
    };
    writeFileSync(path.join(results, `${tier}.progress.json`), JSON.stringify(state));
    for (const step of steps) writeFileSync(path.join(results, 'steps.tsv'), `${step}\n`, { flag: 'a' });
  }

  const run = (asked: string[] = []) => closingLines({ results, asked, root, tierList: TIERS });

  it('counts a floor of the tests each file declares, as written', () => {
    expect(declaredTests(root, 'libs/a/a.spec.ts')).toBe(3);
    expect(declaredTests(root, 'test/e2e/c.e2e-spec.ts')).toBe(2);
  });

  it('adds every tier up, skipped tests apart, and passes a run where each file ran what it declares', () => {
    report('unit', { 'libs/a/a.spec.ts': { passed: 3, skipped: 1 }, 'libs/b/b.spec.ts': { passed: 1 } }, ['unit\tok\t12\t']);
    report('e2e', { 'test/e2e/c.e2e-spec.ts': { passed: 2 } }, ['e2e\tok\t30\t']);
    const { lines, passed, failed, skipped } = run();
    expect({ passed, failed, skipped }).toEqual({ passed: 6, failed: 0, skipped: 1 });
    expect(lines.at(-1)).toBe('6 passed, 0 failed, 1 skipped');
    expect(lines).toContain('[tollgate] unit: 4 passed, 0 failed, 1 skipped in 12 s (2 files, at least 4 tests)');
  });

  it('fails a file that did not run, and one that ran fewer tests than it declares', () => {
    report('unit', { 'libs/a/a.spec.ts': { passed: 2 } });
    report('e2e', { 'test/e2e/c.e2e-spec.ts': { passed: 2 } });
    const { lines, failed } = run();
    expect(failed).toBe(2);
    expect(lines).toContain('[tollgate]   libs/a/a.spec.ts ran 2 tests where it declares 3');
    expect(lines).toContain('[tollgate]   libs/b/b.spec.ts did not run');
  });

  it('counts every declared test of a tier that did not run as failed', () => {
    report('unit', { 'libs/a/a.spec.ts': { passed: 3 }, 'libs/b/b.spec.ts': { passed: 1 } });
    const { lines, failed } = run();
    expect(failed).toBe(2);
    expect(lines).toContain('[tollgate] e2e: 0 passed, 2 failed, 0 skipped in ? s (1 files, at least 2 tests)');
  });

  it('names the test that hung at the deadline, and a suite that could not start', () => {
    report('unit', { 'libs/a/a.spec.ts': { passed: 3 }, 'libs/b/b.spec.ts': { error: 'Cannot find module x\nstack' } });
    report('e2e', { 'test/e2e/c.e2e-spec.ts': { passed: 1, ended: false, running: { 'c two': Date.now() - 61_000 } } }, ["e2e\tfailed\t900\tstopped at the run's deadline"]);
    const { lines, failed } = run();
    expect(failed).toBe(2);
    expect(lines).toContain('[tollgate]   libs/b/b.spec.ts could not run: Cannot find module x');
    expect(lines).toContain("[tollgate]   stopped at the run's deadline");
    expect(lines.find((line) => line.includes('c.e2e-spec.ts did not finish'))).toMatch(/hung in c two, running for 6\d s$/);
  });

  it('fails a test file whose suffix no tier holds, and looks only at the tiers asked for', () => {
    write('libs/a/a.int-spec.ts', `it('lost', () => {});`);
    report('unit', { 'libs/a/a.spec.ts': { passed: 3 }, 'libs/b/b.spec.ts': { passed: 1 } });
    const { lines, passed, failed } = run(['unit']);
    expect({ passed, failed }).toEqual({ passed: 4, failed: 1 });
    expect(lines).toContain('[tollgate] libs/a/a.int-spec.ts: held by no tier (its suffix matches none of test/runner/tiers.js)');
    expect(lines.some((line) => line.startsWith('[tollgate] e2e'))).toBe(false);
  });

  it('counts the development stack beside the run as one check, failed when it went red or its data changed', () => {
    report('unit', { 'libs/a/a.spec.ts': { passed: 3 }, 'libs/b/b.spec.ts': { passed: 1 } });
    writeFileSync(path.join(results, 'dev-stack.json'), JSON.stringify({ probes: 30, red: 2, reds: [], dataUnchanged: true, dataNote: '' }));
    expect(run(['unit'])).toMatchObject({ passed: 4, failed: 1 });
    writeFileSync(path.join(results, 'dev-stack.json'), JSON.stringify({ probes: 30, red: 0, reds: [], dataUnchanged: true, dataNote: '' }));
    expect(run(['unit'])).toMatchObject({ passed: 5, failed: 0 });
  });

  it('fails the run for a failed lint', () => {
    report('unit', { 'libs/a/a.spec.ts': { passed: 3 }, 'libs/b/b.spec.ts': { passed: 1 } }, ['lint\tfailed\t40\tlog: x']);
    expect(run(['unit'])).toMatchObject({ passed: 4, failed: 1 });
  });
});
