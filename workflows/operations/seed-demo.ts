import { issueDevelopmentToken } from '@tollgate/auth';
import { loadConfigOrExit } from '@tollgate/config';
import type { Role } from '@tollgate/domain';
import { z } from 'zod';

// Seeds a demo organization through the public APIs and so through the
// lifecycle workflows, never into tables: what a newcomer sees is what the
// engine produced. Every write carries a stable Idempotency-Key or id, so a
// second run changes nothing.
const config = loadConfigOrExit(
  z.object({
    TOLLGATE_SEED_DEMO: z.enum(['true', 'false']).default('true'),
    TOLLGATE_JWT_SECRET: z.string().min(16).default('tollgate-dev-secret'),
    TOLLGATE_PLANS_URL: z.string().url().default('http://127.0.0.1:3001'),
    TOLLGATE_INITIATIVES_URL: z.string().url().default('http://127.0.0.1:3002'),
    TOLLGATE_FINANCE_URL: z.string().url().default('http://127.0.0.1:3003'),
  }),
);

const people = {
  olivia: ['owner'],
  sam: ['sponsor'],
  cleo: ['controller'],
  pat: ['pmo'],
  ada: ['admin'],
} satisfies Record<string, Role[]>;
type Person = keyof typeof people;

async function call(base: string, as: Person, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const token = issueDevelopmentToken({ sub: as, roles: people[as] }, config.TOLLGATE_JWT_SECRET, 600);
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : undefined };
}

function ok(answer: { status: number; body: unknown }, what: string) {
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const plans = (as: Person, method: string, path: string, body?: unknown, key?: string) => call(config.TOLLGATE_PLANS_URL, as, method, path, body, key);
const initiatives = (as: Person, method: string, path: string, body?: unknown, key?: string) => call(config.TOLLGATE_INITIATIVES_URL, as, method, path, body, key);
const finance = (as: Person, method: string, path: string, body?: unknown, key?: string) => call(config.TOLLGATE_FINANCE_URL, as, method, path, body, key);

// An Idempotency-Key is printable ASCII without spaces: names are folded into one.
function keyOf(...parts: string[]): string {
  return parts.join('-').normalize('NFKD').replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 200);
}

async function node(name: string, kind: string, parentId?: string): Promise<string> {
  return ok(await plans('ada', 'POST', '/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) }, keyOf('demo-node', kind, name)), name).id;
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 120; tries += 1) {
    const value = await attempt();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

interface DemoInitiative {
  title: string;
  stage: number;
  amount: number;
  confirmed?: number;
}

const PROGRAMS: Record<string, { unit: string; initiatives: DemoInitiative[] }> = {
  'Network footprint': {
    unit: 'Operations',
    initiatives: [
      { title: 'Close the Lyon warehouse', stage: 5, amount: 1_200_000_00, confirmed: 1_150_000_00 },
      { title: 'Merge the Benelux hubs', stage: 4, amount: 800_000_00 },
      { title: 'Cross-dock in Milan', stage: 3, amount: 450_000_00 },
      { title: 'Rail for the Iberia lane', stage: 1, amount: 300_000_00 },
      { title: 'Night shifts in Poznań', stage: 0, amount: 150_000_00 },
    ],
  },
  'Procurement excellence': {
    unit: 'Operations',
    initiatives: [
      { title: 'Renegotiate packaging', stage: 5, amount: 600_000_00, confirmed: 480_000_00 },
      { title: 'Tender for freight', stage: 4, amount: 900_000_00, confirmed: 200_000_00 },
      { title: 'Resin index clauses', stage: 2, amount: 250_000_00 },
      { title: 'Tail-spend catalogue', stage: 1, amount: 120_000_00 },
    ],
  },
  'Pricing discipline': {
    unit: 'Commercial',
    initiatives: [
      { title: 'Price floors for key accounts', stage: 3, amount: 1_000_000_00 },
      { title: 'Rebate clean-up', stage: 2, amount: 350_000_00 },
      { title: 'Surcharge for small orders', stage: 4, amount: 200_000_00 },
    ],
  },
  'Channel mix': {
    unit: 'Commercial',
    initiatives: [
      { title: 'Move SMB to the web shop', stage: 3, amount: 700_000_00 },
      { title: 'Distributor margin review', stage: 1, amount: 400_000_00 },
      { title: 'Key account coverage', stage: 0, amount: 250_000_00 },
    ],
  },
};

async function walk(programId: string, initiative: DemoInitiative): Promise<void> {
  const key = keyOf('demo-initiative', initiative.title);
  const created = ok(
    await eventually('the initiatives service to learn the program', async () => {
      const answer = await initiatives('olivia', 'POST', '/api/initiatives', {
        title: initiative.title,
        programId,
        ownerId: 'olivia',
        sponsorId: 'sam',
        controllerId: 'cleo',
        category: 'cost',
        measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-03', amount: Math.round(initiative.amount / 2) }, { period: '2027-06', amount: initiative.amount - Math.round(initiative.amount / 2) }] }],
        oneTimeCosts: [{ period: '2027-01', amount: Math.round(initiative.amount / 10) }],
        milestones: [{ title: 'Delivered', dueDate: '2027-09-30' }],
      }, key);
      return answer.status === 422 && /program/.test(JSON.stringify(answer.body)) ? undefined : answer;
    }),
    initiative.title,
  );
  const id: string = created.id;
  const current = ok(await initiatives('pat', 'GET', `/api/initiatives/${id}`), 'read');
  const deciders: Record<number, Person[]> = { 1: ['sam'], 2: ['pat'], 3: ['sam', 'cleo'], 4: ['sam'] };
  const evidence = { text: 'Reviewed with the program office', links: [] };
  for (let stage = current.stage + 1; stage <= Math.min(initiative.stage, 4); stage += 1) {
    if (stage === 4) {
      for (const milestone of ok(await initiatives('olivia', 'GET', `/api/initiatives/${id}`), 'read').milestones) {
        if (!milestone.completedAt) ok(await initiatives('olivia', 'POST', `/api/initiatives/${id}/milestones/${milestone.id}/complete`, { evidence }, `${key}-milestone-${milestone.id}`), 'milestone');
      }
    }
    const request = ok(await initiatives('olivia', 'POST', `/api/initiatives/${id}/gate-requests`, { targetStage: stage, evidence }, `${key}-gate-${stage}`), `gate ${stage}`);
    for (const decider of deciders[stage]) {
      ok(await initiatives(decider, 'POST', `/api/initiatives/${id}/gate-requests/${request.id}/decision`, { approve: true, comment: 'Agreed' }, `${key}-gate-${stage}-${decider}`), `decision ${stage}`);
    }
  }
  if (initiative.confirmed) {
    await eventually('finance to learn the initiative', async () => ((await finance('cleo', 'GET', `/api/initiatives/${id}/ledger`)).status === 200 ? true : undefined));
    ok(await finance('cleo', 'POST', '/api/confirmations', { confirmationId: `DEMO-${id}`, initiativeId: id, period: '2027-03', amount: initiative.confirmed, currency: 'EUR', reference: 'GL 2027-03 demo' }), 'confirmation');
  }
  if (initiative.stage === 5 && current.closure.state !== 'closed') ok(await initiatives('olivia', 'POST', `/api/initiatives/${id}/closure`, undefined, `${key}-closure`), 'closure');
}

async function seed(): Promise<void> {
  if (config.TOLLGATE_SEED_DEMO === 'false') return;
  const organization = await node('Acme Group', 'organization');
  const units: Record<string, string> = {};
  for (const unit of ['Operations', 'Commercial']) units[unit] = await node(unit, 'business_unit', organization);
  ok(
    await plans('ada', 'PUT', `/api/org-nodes/${organization}/plan`, {
      currency: 'EUR',
      targets: ['2027-03', '2027-06', '2027-09', '2027-12'].map((period) => ({ period, amount: 2_500_000_00 })),
    }),
    'plan of record',
  );
  for (const [name, program] of Object.entries(PROGRAMS)) {
    const programId = await node(name, 'program', units[program.unit]);
    for (const initiative of program.initiatives) await walk(programId, initiative);
  }
  process.stdout.write(`demo organization 'Acme Group' seeded; sign in at ${config.TOLLGATE_PLANS_URL}/ as olivia (owner), sam (sponsor), cleo (controller), pat (PMO), ada (admin) or vic (viewer)\n`);
}

seed().catch((error: Error) => {
  process.stderr.write(`seeding the demo failed: ${error.message}\n`);
  process.exit(1);
});
