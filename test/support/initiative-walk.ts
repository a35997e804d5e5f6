import { randomUUID } from 'node:crypto';
import { apiAs, type HttpAnswer, type Person } from './http-client';

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

/** Defines an initiative at stage 0 through the API, as its owner would; answers its id. */
export async function defineInitiative(initiativesUrl: string, programId: string, people: InitiativePeople, { plannedAmount = 250_000 } = {}): Promise<string> {
  const created = await apiAs(initiativesUrl, people.owner).post('/api/initiatives', {
    title: `Walked initiative ${randomUUID().slice(0, 8)}`,
    programId,
    ownerId: people.owner.id,
    sponsorId: people.sponsor.id,
    controllerId: people.controller.id,
    category: 'cost',
    measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-03', amount: plannedAmount }] }],
    oneTimeCosts: [{ period: '2027-01', amount: 10_000 }],
    milestones: [{ title: 'Delivered', dueDate: '2099-12-31' }],
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id;
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
  const ok = (answer: HttpAnswer, what: string) => {
    if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const id = await defineInitiative(initiativesUrl, programId, people, { plannedAmount });
  const evidence = { text: 'done', links: [] };
  const deciders: Record<number, Person[]> = { 1: [people.sponsor], 2: [people.pmo], 3: [people.sponsor, people.controller], 4: [people.sponsor] };
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
