import { createEnvelope, FINANCE_SIGNATURE_HEADER, TOPICS } from '@tollgate/contracts';
import { signWithHmac } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_FINANCE_HMAC_SECRET } from '../../services/finance/src/config/finance.config';
import { apiAs, type HttpAnswer, type Person } from './http-client';
import type { PatientClient } from './patient-client';
import { produceRaw } from './topic-reader';

/** The people of one initiative, each with the role the contract expects. */
export function initiativePeople() {
  return {
    owner: { id: `owner-${randomUUID()}`, roles: ['owner'] } as Person,
    sponsor: { id: `sponsor-${randomUUID()}`, roles: ['sponsor'] } as Person,
    controller: { id: `controller-${randomUUID()}`, roles: ['controller'] } as Person,
    pmo: { id: `pmo-${randomUUID()}`, roles: ['pmo'] } as Person,
  };
}

export type InitiativePeople = ReturnType<typeof initiativePeople>;

/** The period the walked initiatives plan their value in. */
export const WALKED_PERIOD = '2027-03';

/** What an owner sends to define an initiative: one measure, one one-time cost, one milestone. */
export function initiativeDraft(programId: string, people: InitiativePeople, { plannedAmount = 250_000 } = {}) {
  return {
    title: `Walked initiative ${randomUUID().slice(0, 8)}`,
    programId,
    ownerId: people.owner.id,
    sponsorId: people.sponsor.id,
    controllerId: people.controller.id,
    category: 'cost',
    measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: WALKED_PERIOD, amount: plannedAmount }] }],
    oneTimeCosts: [{ period: '2027-01', amount: 10_000 }],
    milestones: [{ title: 'Delivered', dueDate: '2099-12-31' }],
  };
}

/** Who approves each gate of the walk, as the contract's lifecycle table says. */
function gateDeciders(people: InitiativePeople): Record<number, Person[]> {
  return { 1: [people.sponsor], 2: [people.pmo], 3: [people.sponsor, people.controller], 4: [people.sponsor] };
}

/** Defines an initiative at stage 0 through the API, as its owner would; answers its id. */
export async function defineInitiative(initiativesUrl: string, programId: string, people: InitiativePeople, { plannedAmount = 250_000 } = {}): Promise<string> {
  const created = await apiAs(initiativesUrl, people.owner).post('/api/initiatives', initiativeDraft(programId, people, { plannedAmount }));
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

function ok(answer: HttpAnswer, what: string): HttpAnswer {
  if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

/**
 * Defines an initiative through the API and walks it through every gate to
 * stage 4 (Implemented), as its people would; optionally requests closure.
 */
export async function initiativeAtStage4(
  initiativesUrl: string,
  programId: string,
  people: InitiativePeople,
  { requestClosure = true, plannedAmount = 250_000 } = {},
): Promise<string> {
  const as = (person: Person) => apiAs(initiativesUrl, person);
  const id = await defineInitiative(initiativesUrl, programId, people, { plannedAmount });
  const evidence = { text: 'done', links: [] };
  const deciders = gateDeciders(people);
  for (const stage of [1, 2, 3, 4]) {
    if (stage === 4) {
      const [milestone] = (await as(people.owner).get(`/api/initiatives/${id}`)).body.milestones;
      ok(await as(people.owner).post(`/api/initiatives/${id}/milestones/${milestone.id}/complete`, { evidence }), 'complete');
    }
    const request = ok(await as(people.owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: stage, evidence }), `gate ${stage}`);
    for (const decider of deciders[stage]) {
      ok(await as(decider).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true }), `decision ${stage}`);
    }
  }
  if (requestClosure) ok(await as(people.owner).post(`/api/initiatives/${id}/closure`), 'closure');
  return id;
}

/**
 * The same walk, to stage 4 with closure requested, by a client that retries
 * each command with its Idempotency-Key; `initiativesUrl` is asked again for
 * every attempt, so that a caller can spread the attempts over instances.
 */
export async function walkToClosure(client: PatientClient, initiativesUrl: () => string, programId: string, people: InitiativePeople, { plannedAmount = 250_000 } = {}): Promise<string> {
  const id: string = ok(await client.command(initiativesUrl, people.owner, 'post', '/api/initiatives', initiativeDraft(programId, people, { plannedAmount })), 'create').body.id;
  const evidence = { text: 'done', links: [] };
  const deciders = gateDeciders(people);
  for (const stage of [1, 2, 3, 4]) {
    if (stage === 4) {
      const [milestone] = (await client.read(initiativesUrl, people.owner, `/api/initiatives/${id}`)).body.milestones;
      ok(await client.command(initiativesUrl, people.owner, 'post', `/api/initiatives/${id}/milestones/${milestone.id}/complete`, { evidence }), 'complete');
    }
    const request = ok(await client.command(initiativesUrl, people.owner, 'post', `/api/initiatives/${id}/gate-requests`, { targetStage: stage, evidence }), `gate ${stage}`);
    for (const decider of deciders[stage]) {
      ok(await client.command(initiativesUrl, decider, 'post', `/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true }), `decision ${stage}`);
    }
  }
  ok(await client.command(initiativesUrl, people.owner, 'post', `/api/initiatives/${id}/closure`), 'closure');
  return id;
}

/** An initiative walked to closure, the value its controller confirms, and the door the confirmation comes through. */
export interface WalkedInitiative {
  id: string;
  people: InitiativePeople;
  amount: number;
  door: 'rest' | 'kafka';
}

/**
 * Confirms a walked initiative's realized value in WALKED_PERIOD through one of
 * finance's two doors, as its controller (REST) or a finance system (a signed
 * Kafka message) would. The finance system keeps trying while the broker is
 * away, as its producer would.
 */
export async function confirmWalked(client: PatientClient, financeUrl: () => string, walked: WalkedInitiative, reference: string): Promise<void> {
  // Finance learns the initiative from the initiatives service's events; a confirmation before that is refused (404).
  await client.read(financeUrl, walked.people.controller, `/api/initiatives/${walked.id}/ledger`);
  const body = { confirmationId: `${reference}-${walked.id}`, initiativeId: walked.id, period: WALKED_PERIOD, amount: walked.amount, currency: 'EUR', reference: `GL ${reference}` };
  if (walked.door === 'rest') {
    ok(await client.command(financeUrl, walked.people.controller, 'post', '/api/confirmations', body), 'confirmation');
    return;
  }
  const envelope = createEnvelope({ type: 'finance.value-confirmed', source: 'erp/walk', subject: walked.id, data: { ...body, controllerId: walked.people.controller.id } }, randomUUID(), new Date());
  const bytes = JSON.stringify(envelope);
  const started = Date.now();
  for (;;) {
    try {
      await produceRaw(TOPICS.financeValueConfirmations, walked.id, bytes, { [FINANCE_SIGNATURE_HEADER]: signWithHmac(bytes, DEVELOPMENT_FINANCE_HMAC_SECRET) });
      return;
    } catch (error) {
      if (Date.now() - started > 180_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Runs `work` for each index with at most `walkers` at a time, as that many people at once would; answers the results in index order. */
export async function inPool<T>(walkers: number, count: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: Math.min(walkers, count) }, async () => {
      for (let index = nextIndex++; index < count; index = nextIndex++) results[index] = await work(index);
    }),
  );
  return results;
}
