import { TOPICS } from '@tollgate/contracts';
import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import type { HttpAnswer, Person } from '../support/http-client';
import { confirmWalked, initiativeDraft, initiativePeople, inPool as inPoolOf, walkToClosure, WALKED_PERIOD, type WalkedInitiative as Walked } from '../support/initiative-walk';
import { PatientClient } from '../support/patient-client';
import { seededRandom } from '../support/seeded-random';
import { StackProcess, type StackProcessName } from '../support/service-process';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { consumerLag, liveGroups, readToEnd, type GroupMembership } from '../support/topic-reader';

// Enough that forty walkers keep both instances busy before and after the kill a third of the way in
// (the property is ordering and takeover under load, not volume); a quick run: TOLLGATE_FAULT_REPLICA_INITIATIVES=20.
const INITIATIVES = Number(process.env.TOLLGATE_FAULT_REPLICA_INITIATIVES ?? 60);
const WALKERS = 40;
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
const SERVICES = ['plans', 'initiatives', 'finance'] as const;
const PLANNED = 300_000;
const RANGE = 'from=2027-01&to=2027-06';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

/**
 * What one walked initiative announces on `tollgate.initiatives.events`, in
 * the order of the revisions that announce them. The envelope carries no
 * revision (nor does any event's data), so each event is named by what it
 * says; in this walk every name is said once, so its place here is its
 * revision order (the closure's three events come from one revision, in this order).
 */
const ANNOUNCED = [
  'initiative.created',
  'initiative.gate-requested →1',
  'initiative.stage-changed 0→1',
  'initiative.gate-requested →2',
  'initiative.stage-changed 1→2',
  'initiative.gate-requested →3',
  'initiative.gate-key-given',
  'initiative.stage-changed 2→3',
  'initiative.milestone-completed',
  'initiative.gate-requested →4',
  'initiative.stage-changed 3→4',
  'initiative.closure-requested',
  'initiative.stage-changed 4→5',
  'initiative.closed',
  'initiative.status-changed on_track→closed',
];

function announcement(envelope: { type: string; data: Record<string, unknown> }): string {
  const { type, data } = envelope;
  if (type === 'initiative.stage-changed') return `${type} ${data.fromStage}→${data.toStage}`;
  if (type === 'initiative.gate-requested') return `${type} →${data.targetStage}`;
  if (type === 'initiative.status-changed') return `${type} ${data.fromStatus}→${data.status}`;
  return type;
}

/**
 * Each initiative's announcements in the order the topic holds them, and how
 * many were published again under an event id already seen (a relay killed
 * between publishing and marking its rows does so; the consumers' inbox absorbs it).
 */
function announcementsOf(messages: KafkaMessage[], initiativeIds: Set<string>) {
  const byInitiative = new Map<string, string[]>();
  const seen = new Set<string>();
  let republished = 0;
  for (const message of messages) {
    const envelope = JSON.parse(message.value!.toString('utf8'));
    if (!initiativeIds.has(envelope.subject)) continue;
    if (seen.has(envelope.id)) {
      republished += 1;
      continue;
    }
    seen.add(envelope.id);
    byInitiative.set(envelope.subject, [...(byInitiative.get(envelope.subject) ?? []), announcement(envelope)]);
  }
  return { byInitiative, republished };
}

function ok(answer: HttpAnswer, what: string): HttpAnswer {
  if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

/** A row of a read model, as the API answers it. */
type Row = { confirmed: number } & Record<string, unknown>;

const byConfirmed = (a: { confirmed: number }, b: { confirmed: number }) => a.confirmed - b.confirmed;

// Two instances of each service and two workflow workers on one stack, as a
// deployment with two replicas runs them: the same database, consumer groups
// and task queues, each instance on a port of its own. Initiatives are walked
// to closure and confirmed through either instance, and a third of the way in
// one instance of each service and one worker are killed with SIGKILL. They
// are not restarted: the survivors must carry the rest of the run alone, their
// consumer groups rebalanced onto them. Afterwards every initiative must be
// closed at the value confirmed, its events on the topic once each and in
// revision order, and the read models what the walk determines.
describe('two instances of every service and of the workflow worker', () => {
  const killed = {} as Record<StackProcessName, StackProcess>;
  const survivors = {} as Record<StackProcessName, StackProcess>;
  const client = new PatientClient();
  const next = seededRandom(SEED);
  let republishedAfterKill = 0;

  beforeAll(async () => {
    // The workers first: the services' activities and the lifecycles need one.
    [killed.worker, survivors.worker] = await Promise.all([StackProcess.start('worker', { replica: 'a' }), StackProcess.start('worker', { replica: 'b' })]);
    for (const name of SERVICES) [killed[name], survivors[name]] = await Promise.all([StackProcess.start(name, { replica: 'a' }), StackProcess.start(name, { replica: 'b' })]);
  }, 300_000);

  afterAll(async () => {
    process.stdout.write(
      `replicas (seed ${SEED}): ${client.counts.sent} commands sent, ${client.counts.retries} retries, ${client.counts.lost} commands lost, ${republishedAfterKill} events published again after the kill\n`,
    );
    await Promise.all([...Object.values(killed), ...Object.values(survivors)].map((one) => one.stop()));
  }, 120_000);

  /** The address of one of the service's two instances, drawn afresh for every attempt, as a load balancer without health checks would. */
  const either = (name: StackProcessName) => () => (next() < 0.5 ? killed : survivors)[name].baseUrl;

  async function program(): Promise<{ programId: string; probeId: string }> {
    const post = async (body: object) => ok(await client.command(either('plans'), admin, 'post', '/api/org-nodes', body), 'org node').body.id as string;
    const org = await post({ name: `Replica org ${randomUUID().slice(0, 8)}`, kind: 'organization' });
    const unit = await post({ name: 'Operations', kind: 'business_unit', parentId: org });
    const programId = await post({ name: 'Replicas', kind: 'program', parentId: unit });
    // The initiatives service learns programs from the plans service's events: until it has, a
    // create answers 422. The first initiative that passes stays at stage 0.
    const probe = initiativePeople();
    const created = await client.command(either('initiatives'), probe.owner, 'post', '/api/initiatives', initiativeDraft(programId, probe, { plannedAmount: PLANNED }), (answer) => answer.status !== 422);
    return { programId, probeId: ok(created, 'probe').body.id };
  }

  const confirm = (walked: Walked) => confirmWalked(client, either('finance'), walked, 'REPLICA');
  const inPool = <T>(count: number, work: (index: number) => Promise<T>) => inPoolOf(WALKERS, count, work);

  /** The live consumer groups of the three services. */
  async function serviceGroups(): Promise<GroupMembership[]> {
    const groups = await Promise.all(SERVICES.map((service) => liveGroups(`${TEST_ENVIRONMENT.groupPrefix}-${service}.`)));
    return groups.flat().sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  /** Every initiative closed once at the value confirmed, with a gap-free audit trail, and in finance's ledger so: those that are not. */
  async function outcomesAstray(walked: Walked[]) {
    const determined = ({ id, amount }: Walked) => ({ id, stage: 5, status: 'closed', confirmed: amount, gapFreeAudit: true, stageChanges: 5, valueCounted: 1, ledgerConfirmed: amount });
    const outcomes = await inPool(walked.length, async (index) => {
      const { id, amount } = walked[index];
      const initiative = (await client.read(either('initiatives'), viewer, `/api/initiatives/${id}`, (answer) => answer.status === 200 && answer.body.stage === 5)).body;
      // As of the initiative's revision: another instance's projection may still trail it, which the read answers with 409.
      const audit: Array<{ revision: number; action: string }> = (await client.read(either('initiatives'), viewer, `/api/initiatives/${id}/audit?minRevision=${initiative.revision}`)).body;
      const ledger = (await client.read(either('finance'), viewer, `/api/initiatives/${id}/ledger`, (answer) => answer.status === 200 && answer.body.totals.confirmed === amount)).body;
      return {
        id,
        stage: initiative.stage,
        status: initiative.status,
        confirmed: initiative.confirmedValue,
        gapFreeAudit: audit.every((entry, position) => entry.revision === position + 1),
        stageChanges: audit.filter((entry) => entry.action === 'stage_changed' || entry.action === 'closed').length,
        valueCounted: audit.filter((entry) => entry.action === 'value_confirmed').length,
        ledgerConfirmed: ledger.totals.confirmed,
      };
    });
    return outcomes.filter((outcome, index) => JSON.stringify(outcome) !== JSON.stringify(determined(walked[index])));
  }

  /** Each initiative's events as the topic holds them, where they are not once each in revision order. */
  async function announcementsAstray(probeId: string, walked: Walked[]) {
    const expected = new Map([[probeId, ['initiative.created']], ...walked.map((one): [string, string[]] => [one.id, ANNOUNCED])]);
    const ids = new Set(expected.keys());
    // The relays publish a little after the projection commits: read until every initiative's last event is there.
    const found = await eventually(
      async () => announcementsOf(await readToEnd(TOPICS.initiativesEvents), ids),
      ({ byInitiative }) => [...expected].every(([id, list]) => (byInitiative.get(id)?.length ?? 0) >= list.length),
      { timeoutMs: 120_000, intervalMs: 2000, what: "every initiative's events on the topic" },
    );
    republishedAfterKill = found.republished;
    return [...expected].filter(([id, list]) => JSON.stringify(found.byInitiative.get(id)) !== JSON.stringify(list)).map(([id]) => ({ id, onTheTopic: found.byInitiative.get(id) }));
  }

  /**
   * What plans' portfolio reports and projection of the initiatives, and
   * finance's ledger and realization, say of the program, beside what the walk
   * determines they must: the probe at stage 0 with its plan, every walked
   * initiative closed at its plan, forecast at plan, at the value confirmed.
   */
  async function readModels(programId: string, walked: Walked[]) {
    const read = async (name: StackProcessName, path: string) => (await client.read(either(name), viewer, path)).body;
    const [summary, portfolio, realization, values, ledger, finance] = await Promise.all([
      read('plans', `/api/portfolio/summary?orgNodeId=${programId}`),
      read('plans', `/api/portfolio/initiatives?orgNodeId=${programId}&limit=1000`),
      read('plans', `/api/portfolio/realization?orgNodeId=${programId}&limit=1000`),
      read('plans', `/api/portfolio/values?orgNodeId=${programId}&${RANGE}`),
      read('finance', `/api/ledger?${RANGE}&programId=${programId}`),
      read('finance', `/api/realization?programId=${programId}`),
    ]);
    const count = walked.length;
    const confirmed = walked.reduce((total, one) => total + one.amount, 0);
    const closedRows = walked.map((one) => ({ stage: 5, planned: PLANNED, forecast: PLANNED, confirmed: one.amount })).sort(byConfirmed);
    const zero = { planned: 0, forecast: 0, confirmed: 0 };
    const actual = {
      summary: { total: summary.total, byStage: summary.byStage },
      portfolio: portfolio.initiatives.map(({ stage, status, planned, forecast, confirmed }: Row) => ({ stage, status, planned, forecast, confirmed })).sort(byConfirmed),
      realization: { initiatives: realization.initiatives, baseline: realization.baseline, confirmed: realization.confirmed, leakage: realization.leakage, closedTotal: realization.closedTotal },
      values: values.periods,
      ledger: ledger.rows.map(({ period, planned, forecast, confirmed }: Row) => ({ period, planned, forecast, confirmed })).sort(byConfirmed),
      finance: {
        totals: finance.totals.map(({ initiatives, baseline, confirmed, awaitingCount }: Row) => ({ initiatives, baseline, confirmed, awaitingCount })),
        initiatives: finance.initiatives.map(({ stage, closure, confirmed, awaitingConfirmation }: Row) => ({ stage, closure, confirmed, awaitingConfirmation })).sort(byConfirmed),
      },
    };
    const determined = {
      summary: {
        total: { count: count + 1, planned: (count + 1) * PLANNED, forecast: count * PLANNED, confirmed },
        byStage: [0, 1, 2, 3, 4, 5].map((stage) =>
          stage === 0 ? { stage, count: 1, ...zero, planned: PLANNED } : stage === 5 ? { stage, count, planned: count * PLANNED, forecast: count * PLANNED, confirmed } : { stage, count: 0, ...zero },
        ),
      },
      portfolio: [{ stage: 0, status: 'on_track', ...zero, planned: PLANNED }, ...closedRows.map((row) => ({ ...row, status: 'closed' }))],
      realization: { initiatives: count, baseline: count * PLANNED, confirmed, leakage: count * PLANNED - confirmed, closedTotal: count },
      values: ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'].map((period) =>
        period === WALKED_PERIOD ? { period, planned: (count + 1) * PLANNED, forecast: count * PLANNED, confirmed } : { period, ...zero },
      ),
      ledger: [{ period: WALKED_PERIOD, ...zero, planned: PLANNED }, ...closedRows.map(({ planned, forecast, confirmed }) => ({ period: WALKED_PERIOD, planned, forecast, confirmed }))],
      finance: {
        totals: [{ initiatives: count + 1, baseline: (count + 1) * PLANNED, confirmed, awaitingCount: 0 }],
        initiatives: [
          { stage: 0, closure: { state: 'none' }, confirmed: 0, awaitingConfirmation: false },
          ...closedRows.map((row) => ({ stage: 5, closure: { state: 'closed' }, confirmed: row.confirmed, awaitingConfirmation: false })),
        ],
      },
    };
    return { actual, determined };
  }

  it(`walks ${INITIATIVES} initiatives over two instances of each, one of each and a worker killed with SIGKILL a third of the way, and loses nothing`, async () => {
    // Each instance has joined every group of its service: two members, every partition owned.
    const joined = await eventually(serviceGroups, (groups) => groups.length > 0 && groups.every((group) => group.state === 'Stable' && group.members === 2 && group.unowned.length === 0), {
      timeoutMs: 120_000,
      intervalMs: 1000,
      what: 'every consumer group to have a member in each instance',
    });
    const started = Date.now();
    const { programId, probeId } = await program();

    let aThirdConfirmed!: () => void;
    const third = new Promise<void>((resolve) => (aThirdConfirmed = resolve));
    const killing = (async () => {
      await third;
      await Promise.all(Object.values(killed).map((one) => one.kill9()));
      const killedAt = Date.now();
      // The broker drops a killed member after its session timeout (10 s); the survivors then own every partition.
      const groups = await eventually(serviceGroups, (now) => now.length === joined.length && now.every((group) => group.state === 'Stable' && group.members === 1 && group.unowned.length === 0), {
        timeoutMs: 120_000,
        intervalMs: 500,
        what: 'the surviving instances to own every partition',
      });
      return { groups, after: Date.now() - killedAt };
    })();
    let confirmedSoFar = 0;
    const walked = await inPool(INITIATIVES, async (index) => {
      const people = initiativePeople();
      const id = await walkToClosure(client, either('initiatives'), programId, people, { plannedAmount: PLANNED });
      const one: Walked = { id, people, amount: 200_000 + index, door: index % 2 === 0 ? 'rest' : 'kafka' };
      await confirm(one);
      if (++confirmedSoFar === Math.ceil(INITIATIVES / 3)) aThirdConfirmed();
      return one;
    });
    const rebalanced = await killing;
    process.stdout.write(
      `${INITIATIVES} initiatives walked and confirmed over two instances of each in ${Date.now() - started} ms; ${joined.length} consumer groups rebalanced onto the survivors ${rebalanced.after} ms after the kill\n`,
    );
    expect(rebalanced.groups.map(({ groupId, members, unowned }) => ({ groupId, members, unowned }))).toEqual(joined.map(({ groupId }) => ({ groupId, members: 1, unowned: [] })));

    const outcomes = await outcomesAstray(walked);
    const announcements = await announcementsAstray(probeId, walked);
    // Everything consumed: the read models are settled, and the survivors' groups have caught up.
    await eventually(() => Promise.all(joined.map((group) => consumerLag(group.groupId, group.topics))), (lags) => lags.every((lag) => lag === 0), {
      timeoutMs: 120_000,
      intervalMs: 1000,
      what: 'the consumer lag of every group to reach zero',
    });
    const { actual, determined } = await readModels(programId, walked);
    // One comparison, so that a failure shows every kind of damage at once (events out of order show in the read models too).
    expect({ outcomes, announcements, readModels: actual, lost: client.counts.lost }).toEqual({ outcomes: [], announcements: [], readModels: determined, lost: 0 });
  }, 900_000);
});
