// Adds up jest's JSON reports into the closing line `N passed, N failed`.
// A suite that could not run, a missing report or a failed lint counts as a
// failure; a run with no test at all fails too.
const fs = require('node:fs');
const path = require('node:path');

const [lintStatus, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of reports) {
  if (!fs.existsSync(file)) {
    process.stderr.write(`[tollgate] no test report at ${file}: that tier did not run\n`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
}
if (lintStatus !== '0') failed += 1;
// The OpenAPI conformance test leaves its counts beside the reports (its pass or
// failure is already one of the integration tier's tests).
const conformance = reports.length > 0 ? path.join(path.dirname(reports[0]), 'schemathesis.json') : null;
if (conformance && fs.existsSync(conformance)) {
  const counts = JSON.parse(fs.readFileSync(conformance, 'utf8'));
  const operations = Object.entries(counts.operationsTested).map(([service, count]) => `${service} ${count}`).join(', ');
  process.stdout.write(
    `schemathesis: operations tested ${operations}; ${counts.testCasesPassed} test cases passed, ${counts.testCasesFailed} failed (${counts.runs} runs, checks ${counts.checks.join(', ')})\n`,
  );
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
