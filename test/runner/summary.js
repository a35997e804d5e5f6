// The closing lines of `npm test`: a line per step and tier with its counts, skipped tests and time,
// then `N passed, N failed, N skipped`. The line cannot shrink unnoticed: each tier must run every
// test file it holds (found by suffix on disk, whatever its jest configuration matches) and at least
// as many tests as those files declare; a file held by no tier, a tier that did not run or ran fewer,
// a suite that could not run, a test still running at the deadline and a failed step all count as
// failures. Usage: node test/runner/summary.js <results folder> [tier ...] (the tiers that were asked for;
// all by default)
const fs = require('node:fs');
const path = require('node:path');
const { TIERS } = require('./tiers');

const ROOT = path.resolve(__dirname, '../..');
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.nx', '.tools', '.data', '.data-test', '.data-bench', '.data-fault', 'coverage']);

function testFiles(root, folder = root, found = []) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) testFiles(root, path.join(folder, entry.name), found);
    } else if (/spec\.ts$/.test(entry.name)) {
      found.push(path.relative(root, path.join(folder, entry.name)));
    }
  }
  return found;
}

/**
 * The tests a file declares, as written: each `it(`, `test(` and their `.skip`, `.only`, `.todo`,
 * `.each` forms counts once, outside strings and comments. A loop or a table makes more at run time,
 * never fewer, so this is a floor.
 */
function declaredTests(root, file) {
  const source = fs
    .readFileSync(path.join(root, file), 'utf8')
    .replace(/`(?:\\.|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''")
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return (source.match(/(?<![\w.$])(?:it|test)(?:\.(?:skip|only|todo|concurrent|failing))*(?:\.each)?\s*[(`]/g) ?? []).length;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Steps and tiers as test.sh recorded them: name, outcome (ok, failed, skipped) and seconds, tab-separated. */
function readSteps(results) {
  const file = path.join(results, 'steps.tsv');
  if (!fs.existsSync(file)) return new Map();
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return new Map(lines.map((line) => {
    const [name, outcome, seconds, ...note] = line.split('\t');
    return [name, { outcome, seconds: Number(seconds), note: note.join(' ') }];
  }));
}

/**
 * The closing lines of a run whose reports are in `results`, for the tiers `asked` (all when empty), the
 * test files found under `root`: what `main` prints, and the counts of its last line.
 */
function closingLines({ results, asked = [], root = ROOT, tierList = TIERS }) {
  const tiers = asked.length > 0 ? tierList.filter((tier) => asked.includes(tier.name)) : tierList;
  const steps = readSteps(results);
  const lines = [];
  const out = (line) => lines.push(line);
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  for (const step of ['install', 'infrastructure', 'fault-infrastructure', 'deploy-tools', 'build', 'lint']) {
    const recorded = steps.get(step);
    if (!recorded) continue;
    out(`[tollgate] ${step}: ${recorded.outcome} in ${recorded.seconds} s${recorded.note ? ` (${recorded.note})` : ''}`);
    if (step === 'lint' && recorded.outcome !== 'ok') failed += 1;
  }

  const files = testFiles(root);
  const held = new Map(tierList.map((tier) => [tier.name, []]));
  for (const file of files) {
    // The suffixes are disjoint: `.spec.ts` never ends a `.deploy-spec.ts`.
    const tier = tierList.find((candidate) => file.endsWith(candidate.suffix));
    if (tier) held.get(tier.name).push(file);
    else {
      out(`[tollgate] ${file}: held by no tier (its suffix matches none of test/runner/tiers.js)`);
      failed += 1;
    }
  }

  for (const tier of tiers) {
    const expected = held.get(tier.name);
    const floor = expected.reduce((sum, file) => sum + declaredTests(root, file), 0);
    const recorded = steps.get(tier.name);
    const progress = readJson(path.join(results, `${tier.name}.progress.json`));
    const problems = [];
    let tierPassed = 0;
    let tierFailed = 0;
    let tierSkipped = 0;
    if (!progress) {
      problems.push(recorded?.note || (recorded ? 'its jest run ended before any test began (its global set-up failed: see the output above)' : 'did not run'));
      tierFailed += Math.max(1, floor);
    } else {
      const now = Date.now();
      for (const [file, state] of Object.entries(progress.files)) {
        tierPassed += state.passed;
        tierFailed += state.failed;
        tierSkipped += state.skipped;
        if (state.error) {
          problems.push(`${file} could not run: ${state.error.split('\n')[0]}`);
          tierFailed += 1;
        } else if (!state.endedAt) {
          const running = Object.entries(state.running).map(([test, since]) => `${test}, running for ${Math.round(((progress.endedAt ?? now) - since) / 1000)} s`);
          problems.push(`${file} did not finish: ${running.length > 0 ? `hung in ${running.join('; ')}` : 'hung in its set-up or tear-down'}`);
          tierFailed += 1;
        } else if (expected.includes(file) && state.passed + state.failed + state.skipped < declaredTests(root, file)) {
          problems.push(`${file} ran ${state.passed + state.failed + state.skipped} tests where it declares ${declaredTests(root, file)}`);
          tierFailed += 1;
        }
      }
      const missing = expected.filter((file) => !progress.files[file]);
      for (const file of missing) problems.push(`${file} did not run`);
      tierFailed += missing.length;
      if (recorded && recorded.outcome !== 'ok' && recorded.note) problems.unshift(recorded.note);
    }
    const ran = tierPassed + tierFailed + tierSkipped;
    if (progress && ran < floor) problems.push(`${ran} tests counted where its ${expected.length} files declare at least ${floor}`);
    const seconds = recorded ? recorded.seconds : progress?.endedAt ? Math.round((progress.endedAt - progress.startedAt) / 1000) : '?';
    out(
      `[tollgate] ${tier.name}: ${tierPassed} passed, ${tierFailed} failed, ${tierSkipped} skipped in ${seconds} s ` +
        `(${expected.length} files, at least ${floor} tests)`,
    );
    for (const problem of problems) out(`[tollgate]   ${problem}`);
    passed += tierPassed;
    failed += tierFailed;
    skipped += tierSkipped;
  }

  // The OpenAPI conformance test leaves its counts beside the reports (its outcome is already one of the e2e tier's tests).
  const conformance = readJson(path.join(results, 'schemathesis.json'));
  if (conformance) {
    const operations = Object.entries(conformance.operationsTested).map(([service, count]) => `${service} ${count}`).join(', ');
    out(`[tollgate] schemathesis: operations tested ${operations}; ${conformance.testCasesPassed} test cases passed, ${conformance.testCasesFailed} failed (${conformance.runs} runs, checks ${conformance.checks.join(', ')})`);
  }

  // A development stack that was running through the run must have kept serving: one check of the run itself.
  const isolation = readJson(path.join(results, 'dev-stack.json'));
  if (isolation) {
    const held = isolation.probes > 0 && isolation.red === 0 && isolation.dataUnchanged;
    out(`[tollgate] the development stack beside the run: ${isolation.probes} probes of /health, ${isolation.red} not green; its data ${isolation.dataUnchanged ? 'unchanged' : `changed (${isolation.dataNote})`}`);
    if (held) passed += 1;
    else failed += 1;
  }

  const total = steps.get('total');
  if (total) out(`[tollgate] all steps and tiers in ${total.seconds} s${total.note ? ` (${total.note})` : ''}`);
  out(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { lines, passed, failed, skipped };
}

function main() {
  const { lines, passed, failed } = closingLines({ results: path.resolve(process.argv[2] ?? path.join(ROOT, '.data/test-results')), asked: process.argv.slice(3) });
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

if (require.main === module) main();

module.exports = { closingLines, declaredTests };
