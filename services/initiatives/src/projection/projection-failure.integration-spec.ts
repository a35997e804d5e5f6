import type { LifecycleChange } from '@tollgate/contracts';
import type { LifecycleState } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { initiativeAtStage4, initiativePeople } from '../../../../test/support/initiative-walk';
import { startInitiativesStack, type InitiativesStack } from '../../../../test/support/test-stack';
import { InitiativeProjection } from './initiative-projection.service';

const operator: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };

// A change the database refuses for good (here text with a NUL character,
// which every edge now refuses, arriving anyway) is recorded as a projection
// failure with its reason, not retried forever, and the projection takes the
// next change as usual.
describe('a lifecycle change the projection cannot store', () => {
  let stack: InitiativesStack;

  beforeAll(async () => {
    stack = await startInitiativesStack();
  });

  afterAll(async () => {
    await stack?.worker.stop();
    await stack?.service.close();
  });

  const change = (revision: number, text: string): LifecycleChange => ({
    revision,
    action: 'forecast_updated',
    actorId: 'tollgate-test',
    at: new Date().toISOString(),
    reason: null,
    evidence: { text, links: [] },
    details: {},
    events: [],
  });

  /** An initiative walked to stage 4, its last stored state, and the projection to hand changes to directly. */
  async function walkedInitiative() {
    const people = initiativePeople();
    const id = await initiativeAtStage4(stack.service.baseUrl, stack.programId, people, { requestClosure: false });
    // The trail answers once the projection holds every change the walk was answered: the row read below is the last state.
    await apiAs(stack.service.baseUrl, people.owner).get(`/api/initiatives/${id}/audit`);
    const [row] = await stack.service.dataSource.query(`SELECT state FROM initiatives.initiative WHERE id = $1`, [id]);
    return { people, id, state: row.state as LifecycleState, projection: stack.service.app.get(InitiativeProjection) };
  }

  it('is recorded with its reason and shown to operators, and the next change is projected', async () => {
    const { people, id, state, projection } = await walkedInitiative();

    const poisoned = { ...state, revision: state.revision + 1 };
    expect(await projection.project(poisoned, [change(poisoned.revision, 'evidence with \u0000 inside')])).toEqual({
      outcome: 'refused',
      reason: expect.stringMatching(/^the event's data cannot be stored \(SQLSTATE 22P05\)/),
    });
    // A retry of the same activity records nothing twice.
    expect((await projection.project(poisoned, [change(poisoned.revision, 'evidence with \u0000 inside')])).outcome).toBe('refused');

    const failures = await apiAs(stack.service.baseUrl, operator).get(`/api/projection-failures?initiativeId=${id}`);
    expect(failures.status).toBe(200);
    expect(failures.body.items).toEqual([
      expect.objectContaining({ initiativeId: id, revisions: { first: poisoned.revision, last: poisoned.revision }, actions: ['forecast_updated'] }),
    ]);
    expect((await apiAs(stack.service.baseUrl, people.owner).get(`/api/projection-failures`)).status).toBe(403);
    const metrics = await fetch(`${stack.service.baseUrl}/metrics`).then((answer) => answer.text());
    expect(metrics).toMatch(/^tollgate_projection_failures_total\{service="initiatives"\} [1-9]/m);

    const next = { ...state, revision: state.revision + 2 };
    expect(await projection.project(next, [change(next.revision, 'clean evidence')])).toEqual({ outcome: 'projected' });
    const audit = await apiAs(stack.service.baseUrl, people.owner).get(`/api/initiatives/${id}/audit`);
    expect(audit.status).toBe(200);
    const revisions = JSON.stringify(audit.body);
    expect(revisions).toContain('clean evidence');
    // The trail is honest about the gap: not valid, the refused revision named as unrecorded rather than taken for a removal.
    const verification = await apiAs(stack.service.baseUrl, people.owner).get(`/api/initiatives/${id}/audit/verification`);
    expect(verification.body).toMatchObject({
      valid: false,
      unrecorded: [poisoned.revision],
      headRevision: next.revision,
      firstInvalid: { revision: poisoned.revision, problem: 'unrecorded' },
    });
  });

  it('still records the change in the trail, with its actor, when only another part of its projection is refused', async () => {
    const { people, id, state, projection } = await walkedInitiative();

    // The event it announces cannot be stored; the change itself, its actor and its evidence can.
    const rolledBack = { ...state, revision: state.revision + 1 };
    const refusedEvent: LifecycleChange = {
      ...change(rolledBack.revision, 'rolled back after the audit'),
      action: 'gate_rejected',
      actorId: operator.id,
      events: [
        {
          type: 'initiative.gate-rejected',
          data: { initiativeId: id, programId: stack.programId, gateRequestId: randomUUID(), targetStage: 5, rejectedBy: operator.id, reason: 'announcement with \u0000 inside' },
        },
      ] as LifecycleChange['events'],
    };
    expect((await projection.project(rolledBack, [refusedEvent])).outcome).toBe('refused');
    const audit = await apiAs(stack.service.baseUrl, people.owner).get(`/api/initiatives/${id}/audit`);
    expect(audit.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ revision: rolledBack.revision, action: 'gate_rejected', actorId: operator.id })]),
    );
    // No hole: the chain holds every revision, and the refusal is shown to operators apart from it.
    const verification = await apiAs(stack.service.baseUrl, people.owner).get(`/api/initiatives/${id}/audit/verification`);
    expect(verification.body).toMatchObject({ valid: true, unrecorded: [], headRevision: rolledBack.revision });
    const failures = await apiAs(stack.service.baseUrl, operator).get(`/api/projection-failures?initiativeId=${id}`);
    expect(failures.body.items).toEqual([expect.objectContaining({ revisions: { first: rolledBack.revision, last: rolledBack.revision }, actions: ['gate_rejected'] })]);
  });
});
