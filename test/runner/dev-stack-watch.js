// Watches the development stack (`npm run up`) while `npm test` runs beside it: every few seconds each
// service's /health, and before and after the run what its people see (the org nodes and the portfolio
// summary of each organization, read as a viewer). On SIGTERM it writes what it saw to
// <results>/dev-stack.json, which the summary counts as one check of the run. Reads only; a machine
// without a running development stack writes nothing.
// Usage: node test/runner/dev-stack-watch.js <results folder>
const fs = require('node:fs');
const path = require('node:path');
const jwt = require('jsonwebtoken');

const SERVICES = { plans: 3001, initiatives: 3002, finance: 3003 };
const PROBE_MS = 3000;
const results = process.argv[2];
const token = jwt.sign({ sub: 'tollgate-test-watch', roles: ['viewer'] }, process.env.TOLLGATE_DEV_JWT_SECRET || 'tollgate-dev-secret', {
  algorithm: 'HS256',
  expiresIn: 4 * 3600,
});

async function get(port, route) {
  const answer = await fetch(`http://127.0.0.1:${port}${route}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(2500) });
  return { status: answer.status, body: answer.status === 200 ? await answer.json() : null };
}

async function healthy(port) {
  try {
    return (await get(port, '/health')).status === 200;
  } catch {
    return false;
  }
}

/** What a viewer of the development stack sees: its org nodes and each organization's portfolio summary. */
async function whatPeopleSee() {
  const nodes = await get(SERVICES.plans, '/api/org-nodes');
  if (nodes.status !== 200) return { readable: false, note: `GET /api/org-nodes answered ${nodes.status}` };
  const organizations = nodes.body.items.filter((node) => node.kind === 'organization');
  const summaries = [];
  for (const organization of organizations) summaries.push((await get(SERVICES.plans, `/api/portfolio/summary?orgNodeId=${organization.id}`)).body);
  return { readable: true, view: JSON.stringify({ nodes: nodes.body.items, summaries }) };
}

async function main() {
  if (!(await healthy(SERVICES.plans))) return; // no development stack running: nothing to watch
  const before = await whatPeopleSee();
  let probes = 0;
  let red = 0;
  const reds = [];
  let stopping = false;
  const finish = async () => {
    stopping = true;
    const after = await whatPeopleSee().catch((error) => ({ readable: false, note: String(error) }));
    const dataUnchanged = before.readable && after.readable && before.view === after.view;
    const dataNote = !before.readable ? before.note : !after.readable ? after.note : dataUnchanged ? '' : 'what a viewer sees differs';
    fs.writeFileSync(path.join(results, 'dev-stack.json'), JSON.stringify({ probes, red, reds: reds.slice(0, 20), dataUnchanged, dataNote }));
    process.exit(0);
  };
  process.on('SIGTERM', () => void finish());
  while (!stopping) {
    for (const [name, port] of Object.entries(SERVICES)) {
      probes += 1;
      if (!(await healthy(port))) {
        red += 1;
        reds.push(`${name} at ${new Date().toISOString()}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
  }
}

main().catch((error) => {
  // A watch that could not be kept is no proof that the stack kept serving: the check counts as failed.
  fs.writeFileSync(path.join(results, 'dev-stack.json'), JSON.stringify({ probes: 0, red: 0, reds: [], dataUnchanged: false, dataNote: `the watch failed: ${error}` }));
  process.stderr.write(`[tollgate] watching the development stack failed: ${error}\n`);
  process.exit(1);
});
