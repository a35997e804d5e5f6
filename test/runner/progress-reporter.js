// A jest reporter for `npm test`: keeps each tier's counts and the test running right now in a small
// JSON file, rewritten at every event, so that the closing summary can count a tier that was killed at
// its deadline and name the test that hung; every two minutes it says what is still running.
// The tier's name and the file come from TOLLGATE_TIER and TOLLGATE_TIER_PROGRESS (jest's command line
// takes a reporter's path, not its options).
const fs = require('node:fs');
const path = require('node:path');

const HEARTBEAT_MS = 120_000;

class ProgressReporter {
  constructor() {
    this.tier = process.env.TOLLGATE_TIER ?? 'tests';
    this.file = process.env.TOLLGATE_TIER_PROGRESS ?? path.resolve('.data/test-results/tests.progress.json');
    this.state = { tier: this.tier, startedAt: Date.now(), endedAt: null, files: {} };
  }

  relative(testPath) {
    return path.relative(process.cwd(), testPath);
  }

  fileState(testPath) {
    const name = this.relative(testPath);
    this.state.files[name] ??= { startedAt: Date.now(), endedAt: null, running: {}, passed: 0, failed: 0, skipped: 0, error: null };
    return this.state.files[name];
  }

  write() {
    fs.writeFileSync(this.file, JSON.stringify(this.state));
  }

  onRunStart() {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    this.write();
    this.heartbeat = setInterval(() => this.sayWhatRuns(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onTestFileStart(test) {
    this.fileState(test.path);
    this.write();
  }

  onTestCaseStart(test, info) {
    this.fileState(test.path).running[info.fullName] = Date.now();
    this.write();
  }

  onTestCaseResult(test, result) {
    const file = this.fileState(test.path);
    delete file.running[result.fullName];
    if (result.status === 'passed') file.passed += 1;
    else if (result.status === 'failed') file.failed += 1;
    else file.skipped += 1; // skipped, pending, todo, disabled
    this.write();
  }

  onTestFileResult(test, result) {
    const file = this.fileState(test.path);
    // The file's own report is the truth: it also counts tests that never started (a failing beforeAll).
    file.passed = result.numPassingTests;
    file.failed = result.numFailingTests;
    file.skipped = result.numPendingTests + result.numTodoTests;
    file.running = {};
    file.endedAt = Date.now();
    if (result.testExecError) file.error = String(result.testExecError.message ?? result.testExecError).slice(0, 2000);
    this.write();
  }

  onRunComplete() {
    clearInterval(this.heartbeat);
    this.state.endedAt = Date.now();
    this.write();
  }

  sayWhatRuns() {
    const now = Date.now();
    const files = Object.values(this.state.files);
    const passed = files.reduce((sum, file) => sum + file.passed, 0);
    const running = Object.entries(this.state.files).flatMap(([name, file]) =>
      file.endedAt ? [] : Object.entries(file.running).map(([test, since]) => `${name} › ${test} (${Math.round((now - since) / 1000)} s)`),
    );
    process.stderr.write(`[tollgate] ${this.tier}: ${passed} passed so far; running ${running.length > 0 ? running.join('; ') : 'set-up or tear-down'}\n`);
  }
}

module.exports = ProgressReporter;
