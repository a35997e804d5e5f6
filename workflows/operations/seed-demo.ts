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
  lena: ['sponsor'],
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
  /** Value finance confirms for the first planned month. */
  confirmed?: number;
  /** Days since a milestone fell due without being completed: the escalation ladder is climbing. */
  lateDays?: number;
  /** The sponsor turned down the owner's request for the next gate. */
  rejected?: boolean;
  /** Implemented, closure asked for, waiting for finance to confirm the value. */
  closurePending?: boolean;
}

// Forty initiatives over DoI 0 to 5: some closed with confirmed value, two
// with closure asked for and waiting for finance, some late (at the owner,
// sponsor and steering committee rungs), one with a gate turned down.
const PROGRAMS: Record<string, { unit: string; initiatives: DemoInitiative[] }> = {
  'Network footprint': {
    unit: 'Operations',
    initiatives: [
      { title: 'Close the Lyon warehouse', stage: 5, amount: 1_200_000_00, confirmed: 1_150_000_00 },
      { title: 'Merge the Benelux hubs', stage: 4, amount: 800_000_00, closurePending: true },
      { title: 'Cross-dock in Milan', stage: 3, amount: 450_000_00, lateDays: 30 },
      { title: 'Rail for the Iberia lane', stage: 1, amount: 300_000_00 },
      { title: 'Night shifts in Poznań', stage: 0, amount: 150_000_00 },
      { title: 'Consolidate Nordic depots', stage: 2, amount: 520_000_00, lateDays: 10 },
      { title: 'Pallet pooling', stage: 4, amount: 260_000_00, confirmed: 90_000_00 },
      { title: 'Yard management system', stage: 3, amount: 340_000_00 },
      { title: 'Slotting in Rotterdam', stage: 1, amount: 180_000_00, rejected: true },
      { title: 'Return flows via hubs', stage: 2, amount: 210_000_00 },
    ],
  },
  'Procurement excellence': {
    unit: 'Operations',
    initiatives: [
      { title: 'Renegotiate packaging', stage: 5, amount: 600_000_00, confirmed: 480_000_00 },
      { title: 'Tender for freight', stage: 4, amount: 900_000_00, confirmed: 200_000_00 },
      { title: 'Resin index clauses', stage: 2, amount: 250_000_00, lateDays: 3 },
      { title: 'Tail-spend catalogue', stage: 1, amount: 120_000_00 },
      { title: 'Energy hedging', stage: 3, amount: 750_000_00, lateDays: 12 },
      { title: 'Spare parts pooling', stage: 0, amount: 90_000_00 },
      { title: 'Single-source audit', stage: 2, amount: 160_000_00 },
      { title: 'Payment terms to 60 days', stage: 5, amount: 400_000_00, confirmed: 410_000_00 },
      { title: 'Indirect spend e-auctions', stage: 1, amount: 230_000_00 },
      { title: 'Cartons from one supplier', stage: 4, amount: 140_000_00 },
    ],
  },
  'Pricing discipline': {
    unit: 'Commercial',
    initiatives: [
      { title: 'Price floors for key accounts', stage: 3, amount: 1_000_000_00 },
      { title: 'Rebate clean-up', stage: 2, amount: 350_000_00 },
      { title: 'Surcharge for small orders', stage: 4, amount: 200_000_00 },
      { title: 'List price review 2027', stage: 1, amount: 880_000_00 },
      { title: 'Discount approval matrix', stage: 3, amount: 310_000_00, lateDays: 40 },
      { title: 'Freight recharge', stage: 5, amount: 170_000_00, confirmed: 120_000_00 },
      { title: 'Promotion effectiveness', stage: 0, amount: 260_000_00 },
      { title: 'Contract indexation', stage: 2, amount: 420_000_00 },
      { title: 'Price waterfall per account', stage: 1, amount: 190_000_00 },
      { title: 'Quote desk', stage: 4, amount: 330_000_00, closurePending: true },
    ],
  },
  'Channel mix': {
    unit: 'Commercial',
    initiatives: [
      { title: 'Move SMB to the web shop', stage: 3, amount: 700_000_00 },
      { title: 'Distributor margin review', stage: 1, amount: 400_000_00 },
      { title: 'Key account coverage', stage: 0, amount: 250_000_00 },
      { title: 'Inside sales for tail accounts', stage: 2, amount: 280_000_00, lateDays: 8 },
      { title: 'Marketplace listing', stage: 1, amount: 150_000_00 },
      { title: 'Partner portal', stage: 3, amount: 220_000_00 },
      { title: 'Field visit planning', stage: 4, amount: 190_000_00 },
      { title: 'Self-service reorders', stage: 2, amount: 360_000_00 },
      { title: 'Retire fax orders', stage: 5, amount: 80_000_00, confirmed: 85_000_00 },
      { title: 'Export desk for Asia', stage: 0, amount: 300_000_00 },
    ],
  },
};

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
function shiftMonth(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function walk(programId: string, initiative: DemoInitiative): Promise<string> {
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
        milestones: [
          ...(initiative.lateDays ? [{ title: 'Site readiness signed off', dueDate: isoDay(Date.now() - initiative.lateDays * DAY) }] : []),
          { title: 'Delivered', dueDate: '2027-09-30' },
        ],
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
  if (initiative.rejected) {
    const stage = initiative.stage + 1;
    const request = ok(await initiatives('olivia', 'POST', `/api/initiatives/${id}/gate-requests`, { targetStage: stage, evidence: { text: 'Layout drafted', links: [] } }, `${key}-gate-${stage}`), `gate ${stage}`);
    for (const decider of deciders[stage]) {
      ok(
        await initiatives(decider, 'POST', `/api/initiatives/${id}/gate-requests/${request.id}/decision`, { approve: false, comment: 'The business case lacks the volumes per lane; bring them' }, `${key}-gate-${stage}-${decider}`),
        `rejection ${stage}`,
      );
    }
  }
  if (initiative.confirmed) {
    await eventually('finance to learn the initiative', async () => ((await finance('cleo', 'GET', `/api/initiatives/${id}/ledger`)).status === 200 ? true : undefined));
    ok(await finance('cleo', 'POST', '/api/confirmations', { confirmationId: `DEMO-${id}`, initiativeId: id, period: '2027-03', amount: initiative.confirmed, currency: 'EUR', reference: 'GL 2027-03 demo' }), 'confirmation');
  }
  if ((initiative.stage === 5 || initiative.closurePending) && current.closure.state !== 'closed' && current.closure.state !== 'pending_confirmation') ok(await initiatives('olivia', 'POST', `/api/initiatives/${id}/closure`, undefined, `${key}-closure`), 'closure');
  return id;
}

/**
 * Channel mix has more ideas than people: a budget and headcount for the
 * program and what each initiative needs, so the pre-S&OP proposes a pivot
 * (hold what does not fit, accelerate the best) for the chair to decide.
 */
async function pivotCapacity(programId: string, initiativeIds: string[]): Promise<void> {
  ok(
    await plans('ada', 'PUT', `/api/org-nodes/${programId}/sop-policy`, {
      valueThreshold: { absolute: 50_000_00, percent: 0.05 },
      volumeThreshold: { absolute: 500, percent: 0.05 },
      pivotCapacity: { budget: 400_000_00, fte: 9 },
    }),
    'program policy',
  );
  for (const [index, initiativeId] of initiativeIds.entries()) {
    ok(await plans('pat', 'PUT', `/api/initiative-resources/${initiativeId}`, { budget: (60 + 25 * (index % 4)) * 1_000_00, fte: 1 + (index % 3) }), 'resources');
  }
}

const FAMILIES = ['Chilled', 'Ambient', 'Frozen'];

/**
 * The plan of record: monthly targets from last month, and demand against
 * capacity per family from six months back to a year ahead, with Chilled
 * short of capacity from last month on (last month's review already saw it);
 * actual demand for the months behind us, so forecast accuracy has something
 * to measure.
 */
async function planOfRecord(organization: string, thisMonth: string): Promise<void> {
  const months = Array.from({ length: 18 }, (_, index) => shiftMonth(thisMonth, index - 6));
  const base: Record<string, number> = { Chilled: 12_000, Ambient: 30_000, Frozen: 8_000 };
  const demand = months.flatMap((period, index) => FAMILIES.map((family) => ({ family, period, volume: Math.round(base[family] * (1 + (family === 'Chilled' && index >= 5 ? 0.25 : 0.02 * (index % 3)))) })));
  const capacity = months.flatMap((period) => FAMILIES.map((family) => ({ family, period, volume: Math.round(base[family] * 1.05) })));
  ok(
    await plans('ada', 'PUT', `/api/org-nodes/${organization}/plan`, {
      currency: 'EUR',
      targets: months.filter((period) => period >= shiftMonth(thisMonth, -1)).map((period) => ({ period, amount: 900_000_00 })),
      demand,
      capacity,
    }),
    'plan of record',
  );
  // Actuals run a little over plan for Ambient and under it for Frozen: a bias the review can see.
  const actuals = months.slice(0, 6).flatMap((period, index) =>
    FAMILIES.map((family) => ({ family, period, volume: Math.round(base[family] * (family === 'Ambient' ? 1.06 + 0.01 * index : family === 'Frozen' ? 0.9 : 0.97 + 0.02 * (index % 2))) })),
  );
  ok(await plans('ada', 'POST', `/api/org-nodes/${organization}/actuals`, { demand: actuals }), 'actual demand');
}

/** The group's S&OP policy (who owes mitigations, how far figures may stray) and its cycle setup: Lena chairs, Pat runs the rest. */
async function sopSetup(organization: string): Promise<void> {
  ok(
    await plans('ada', 'PUT', `/api/org-nodes/${organization}/sop-policy`, {
      ownerId: 'pat',
      valueThreshold: { absolute: 50_000_00, percent: 0.05 },
      volumeThreshold: { absolute: 500, percent: 0.05 },
    }),
    'S&OP policy',
  );
  ok(
    await plans('ada', 'PUT', `/api/org-nodes/${organization}/sop-cycle-setup`, {
      owners: { data_gathering: 'pat', demand_review: 'pat', supply_review: 'pat', pre_sop: 'pat', executive_sop: 'lena' },
      mitigationWindow: 'P3D',
      schedule: null,
    }),
    'S&OP setup',
  );
}

/** Walks a cycle through its steps up to the executive review, and answers its agenda once the pre-S&OP has raised it. */
async function walkToExecutiveReview(cycle: { id: string; step: string }): Promise<{ exceptions: { id: string; kind: string; subject: string; mitigation: unknown }[] }> {
  let step = cycle.step;
  for (const next of ['data_gathering', 'demand_review', 'supply_review', 'pre_sop']) {
    if (step !== next) continue;
    step = ok(await plans('pat', 'POST', `/api/sop-cycles/${cycle.id}/steps/${next}/completion`, { note: `${next.replace('_', ' ')} done for the demo` }, keyOf('demo-cycle', cycle.id, next)), next).step;
  }
  return eventually('the agenda to list the exceptions', async () => {
    const answer = ok(await plans('pat', 'GET', `/api/sop-cycles/${cycle.id}/agenda`), 'agenda');
    return answer.exceptions.length > 0 ? answer : undefined;
  });
}

/**
 * Last month's review, published, and what came of it: the chair accepted a
 * Chilled overtime mitigation whose date has passed with nothing done (the
 * action is overdue and escalated to her, and this month the same capacity
 * gap is back: the mitigation did not work); resolved that Frozen demand be
 * reviewed with the key accounts, which Olivia has done, with evidence;
 * accepted a sponsor's mitigation for an escalated initiative, still open; and
 * expected the Chilled capacity to reach 15,000 this month, which it missed.
 */
async function lastMonthsReview(organization: string, lastMonth: string): Promise<void> {
  const cycle = ok(await plans('pat', 'POST', '/api/sop-cycles', { orgNodeId: organization, period: lastMonth }), 'last month’s S&OP cycle');
  if (cycle.step === 'published') return;
  const agenda = await walkToExecutiveReview(cycle);
  const mitigate = async (exception: { id: string; mitigation: unknown }, as: Person, action: string, ownerId: string, dueDate: string) => {
    if (!exception.mitigation) ok(await plans(as, 'POST', `/api/sop-cycles/${cycle.id}/exceptions/${exception.id}/mitigation`, { action, ownerId, dueDate }, keyOf('demo-mitigation', exception.id)), 'mitigation');
  };
  const decide = async (decision: object, name: string) => ok(await plans('lena', 'POST', `/api/sop-cycles/${cycle.id}/decisions`, decision, keyOf('demo-decision', cycle.id, name)), name);
  const chilled = agenda.exceptions.find((exception) => exception.kind === 'demand_exceeds_capacity' && exception.subject.endsWith('/Chilled'));
  const escalated = agenda.exceptions.find((exception) => exception.kind === 'initiative_escalated');
  if (chilled) await mitigate(chilled, 'pat', 'Overtime on the Chilled line in Lyon', 'olivia', isoDay(Date.now() - 12 * DAY));
  if (chilled) await decide({ kind: 'accept_mitigation', subject: chilled.id, rationale: 'Overtime covers the gap until the third shift is hired', action: { doneWhen: 'the overtime rota for the month' } }, 'accept-chilled');
  if (escalated) {
    await mitigate(escalated, 'pat', 'A second crew on the late milestone', 'sam', isoDay(Date.now() + 10 * DAY));
    await decide({ kind: 'accept_mitigation', subject: escalated.id, rationale: 'The second crew recovers the plan within the quarter' }, 'accept-escalated');
  }
  const resolution = await decide(
    {
      kind: 'resolution',
      subject: null,
      rationale: 'Frozen demand runs under plan: the forecast needs the key accounts’ view',
      action: {
        title: 'Review Frozen demand with the key accounts',
        ownerId: 'olivia',
        dueDate: isoDay(Date.now() + 6 * DAY),
        expectedEffect: 'a Frozen forecast within 5 % of actual demand',
        doneWhen: 'the revised Frozen forecast, agreed with sales',
      },
    },
    'frozen-review',
  );
  // The chair expected the third shift to lift Chilled capacity to 15,000 from this month: checked on the 1st, it had not.
  const thisMonth = shiftMonth(lastMonth, 1);
  await decide(
    {
      kind: 'resolution',
      subject: null,
      rationale: 'Hire a third shift for the Chilled line in Lyon',
      expects: { figure: 'family_capacity', family: 'Chilled', from: thisMonth, atLeast: 15_000, by: `${thisMonth}-01` },
    },
    'chilled-capacity',
  );
  ok(await plans('lena', 'POST', `/api/sop-cycles/${cycle.id}/steps/executive_sop/completion`, { note: 'published for the demo' }, keyOf('demo-cycle', cycle.id, 'executive_sop')), 'publish');
  const actionId = resolution.actions?.[0]?.actionId as string | undefined;
  if (actionId) {
    await eventually('the Frozen review to be followed', async () => ((await plans('olivia', 'GET', `/api/sop-actions/${actionId}`)).status === 200 ? true : undefined));
    ok(
      await plans('olivia', 'POST', `/api/sop-actions/${actionId}/completion`, { evidence: { text: 'Frozen forecast revised with the three key accounts; sales signed it off', links: ['https://intranet.example/frozen-forecast'] } }, keyOf('demo-action-done', actionId)),
      'Frozen review done',
    );
  }
}

/**
 * This month's S&OP cycle of the group, walked to its executive review: the
 * pre-S&OP has raised the exceptions, the capacity gap has its mitigation,
 * the escalated initiatives still owe theirs.
 */
async function cycleAtExecutiveReview(organization: string, thisMonth: string): Promise<void> {
  const cycle = ok(await plans('pat', 'POST', '/api/sop-cycles', { orgNodeId: organization, period: thisMonth }), 'S&OP cycle');
  const agenda = await walkToExecutiveReview(cycle);
  const gap = agenda.exceptions.find((exception: { kind: string; mitigation: unknown }) => exception.kind === 'demand_exceeds_capacity' && !exception.mitigation);
  if (gap) {
    ok(
      await plans('pat', 'POST', `/api/sop-cycles/${cycle.id}/exceptions/${gap.id}/mitigation`, { action: 'Open a third shift on the Chilled line in Lyon', ownerId: 'olivia', dueDate: isoDay(Date.now() + 21 * DAY) }, keyOf('demo-mitigation', gap.id)),
      'mitigation',
    );
  }
}

async function seed(): Promise<void> {
  if (config.TOLLGATE_SEED_DEMO === 'false') return;
  // Each demo person's address first, so that what the walk below tells them reaches the mail catcher.
  for (const person of Object.keys(people) as Person[]) {
    ok(await plans(person, 'PUT', '/api/me/notification-settings', { email: `${person}@acme.example` }), `${person}'s notification settings`);
  }
  const thisMonth = monthOf(Date.now());
  const organization = await node('Acme Group', 'organization');
  const units: Record<string, string> = {};
  for (const unit of ['Operations', 'Commercial']) units[unit] = await node(unit, 'business_unit', organization);
  await planOfRecord(organization, thisMonth);
  // The programs walk side by side: the lifecycles are independent, and a newcomer waits less.
  await Promise.all(
    Object.entries(PROGRAMS).map(async ([name, program]) => {
      const programId = await node(name, 'program', units[program.unit]);
      const ids: string[] = [];
      for (const initiative of program.initiatives) ids.push(await walk(programId, initiative));
      if (name === 'Channel mix') await pivotCapacity(programId, ids);
    }),
  );
  // The pre-S&OP puts escalated initiatives on the agenda: wait until the read model has heard of them.
  const total = Object.values(PROGRAMS).reduce((sum, program) => sum + program.initiatives.length, 0);
  await eventually('every initiative to reach the portfolio', async () => {
    const answer = ok(await plans('pat', 'GET', `/api/portfolio/summary?orgNodeId=${organization}`), 'portfolio');
    return answer.total.count >= total ? true : undefined;
  });
  await sopSetup(organization);
  await lastMonthsReview(organization, shiftMonth(thisMonth, -1));
  await cycleAtExecutiveReview(organization, thisMonth);
  process.stdout.write(
    `demo organization 'Acme Group' seeded; sign in at ${config.TOLLGATE_PLANS_URL}/ as olivia (owner), sam (sponsor), cleo (controller), pat (PMO), lena (chairs the S&OP review), ada (admin) or vic (viewer)\n`,
  );
}

seed().catch((error: Error) => {
  process.stderr.write(`seeding the demo failed: ${error.message}\n`);
  process.exit(1);
});
