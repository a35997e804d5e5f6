import { issueDevelopmentToken } from '@tollgate/auth';
import { sopCycleWorkflowId } from '@tollgate/contracts';
import { OutboxMessage } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { TEST_ENVIRONMENT } from '../../../../test/support/test-environment';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

const unique = () => randomUUID().slice(0, 8);
const admin: Person = { id: `admin-${unique()}`, roles: ['admin'] };
const planner: Person = { id: `dana-${unique()}`, roles: ['viewer'] };
const chair: Person = { id: `carl-${unique()}`, roles: ['sponsor'] };
const stranger: Person = { id: `vic-${unique()}`, roles: ['owner'] };
const owners = { data_gathering: planner.id, demand_review: planner.id, supply_review: planner.id, pre_sop: planner.id, executive_sop: chair.id };

/** The fields that say which deviation it is and how large: the same whether the node page or the agenda lists it. */
const essence = (exception: Record<string, unknown>) => {
  const { kind, subject, reference, actual, deviation, ownerId, valueAtRisk, figures } = exception;
  return { kind, subject, reference, actual, deviation, ownerId, valueAtRisk, figures };
};

// After the meeting, on the real stack: what is off plan is one set on the node page and the agenda; an accepted
// mitigation and a resolution become actions the engine follows; the next month's cycle brings them back.
describe('S&OP actions and matters arising', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'], worker: true }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);
  const events = (type: string, orgNodeId: string) =>
    plans.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { messageKey: orgNodeId, type } })
      .then((rows) => rows.map((row) => row.envelope.data as Record<string, unknown>));

  async function cycleAtExecutive(node: string, period: string) {
    const cycleId = sopCycleWorkflowId(node, period);
    expect((await as(admin).post('/api/sop-cycles', { orgNodeId: node, period })).status).toBe(201);
    for (const step of ['data_gathering', 'demand_review', 'supply_review']) {
      expect((await as(planner).post(`/api/sop-cycles/${encodeURIComponent(cycleId)}/steps/${step}/completion`, {})).status).toBe(200);
    }
    const agenda = (await as(stranger).get(`/api/sop-cycles/${encodeURIComponent(cycleId)}/agenda`)).body;
    return { cycleId, agenda };
  }

  it('holds one set of exceptions on the node page and the agenda, follows the actions decided, and brings them back next month', async () => {
    const node = (await as(admin).post('/api/org-nodes', { name: `Acme ${unique()}`, kind: 'organization' })).body.id as string;
    await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners });
    await as(admin).put(`/api/org-nodes/${node}/sop-policy`, { ownerId: planner.id, valueThreshold: { absolute: 10_000, percent: 0.05 }, volumeThreshold: { absolute: 100, percent: 0.05 } });
    // Two months behind us, both with Chilled beyond capacity and value under target.
    const months = ['2026-09', '2026-10'];
    expect(
      (
        await as(admin).put(`/api/org-nodes/${node}/plan`, {
          currency: 'EUR',
          targets: months.map((period) => ({ period, amount: 2_000_000 })),
          demand: months.map((period) => ({ family: 'Chilled', period, volume: 12_000 })),
          capacity: months.map((period) => ({ family: 'Chilled', period, volume: 10_000 })),
        })
      ).status,
    ).toBe(201);

    // September's pre-S&OP: the agenda holds exactly what the node page calls off plan for September, in the same order.
    const september = await cycleAtExecutive(node, '2026-09');
    const offPlan = await as(stranger).get(`/api/org-nodes/${node}/off-plan?period=2026-09`);
    expect(offPlan.status).toBe(200);
    expect(offPlan.body.exceptions.map(essence)).toEqual(september.agenda.exceptions.map(essence));
    // The year to date is September alone (no earlier target): said once, as the month.
    expect(september.agenda.exceptions.map((exception: { kind: string; valueAtRisk: number | null }) => [exception.kind, exception.valueAtRisk])).toEqual([
      ['forecast_below_target', 2_000_000],
      ['demand_exceeds_capacity', null],
    ]);
    // The same list as a file, in the same order.
    const file = await fetch(`${plans.baseUrl}/api/org-nodes/${node}/off-plan/export?period=2026-09&format=csv`, { headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: stranger.id, roles: stranger.roles }, TEST_ENVIRONMENT.jwtSecret)}` } });
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="off-plan-2026-09-off-plan-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await file.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('Rank,Deviation,About,Owes the mitigation,Value at risk');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['the forecast under target', 'demand beyond capacity']);
    expect((await as(stranger).get(`/api/org-nodes/${node}/off-plan?period=September`)).status).toBe(400);
    expect((await as(stranger).get(`/api/org-nodes/${randomUUID()}/off-plan`)).status).toBe(404);

    const gap = september.agenda.exceptions.find((exception: { kind: string }) => exception.kind === 'demand_exceeds_capacity');
    const base = `/api/sop-cycles/${encodeURIComponent(september.cycleId)}`;
    expect((await as(planner).post(`${base}/exceptions/${gap.id}/mitigation`, { action: 'Overtime on Chilled', ownerId: planner.id, dueDate: '2026-10-01' })).status).toBe(200);
    expect((await as(planner).post(`${base}/steps/pre_sop/completion`, {})).status).toBe(200);

    // The chair accepts the mitigation (an action, due 1 October) and resolves a review with an action of its own.
    const incomplete = await as(chair).post(`${base}/decisions`, { kind: 'resolution', rationale: 'review Chilled', action: { title: 'Review Chilled demand' } });
    expect(incomplete).toMatchObject({ status: 422, body: { unmet: expect.arrayContaining(['action.ownerId: who does it', 'action.doneWhen: what evidence counts as done']) } });
    const accepted = await as(chair).post(`${base}/decisions`, { kind: 'accept_mitigation', subject: gap.id, rationale: 'overtime covers it', action: { doneWhen: 'the overtime rota' } });
    expect(accepted).toMatchObject({ status: 201, body: { actions: [{ title: 'Overtime on Chilled', ownerId: planner.id, dueDate: '2026-10-01', doneWhen: 'the overtime rota', exceptionId: gap.id }] } });
    const review = { title: 'Review Chilled demand', ownerId: planner.id, dueDate: '2027-06-30', expectedEffect: 'a Chilled plan within capacity', doneWhen: 'the revised demand plan' };
    const resolved = await as(chair).post(`${base}/decisions`, { kind: 'resolution', rationale: 'demand needs a second look', action: review });
    expect(resolved.status).toBe(201);
    // The chair expects Chilled capacity of 12,000 from October, checked on 1 November: a day already past, so the engine checks it at once.
    const expects = { figure: 'family_capacity', family: 'Chilled', from: '2026-10', atLeast: 12_000, by: '2026-11-01' };
    expect((await as(chair).post(`${base}/decisions`, { kind: 'resolution', rationale: 'x', expects: { ...expects, from: 'October' } })).status).toBe(422);
    const shift = await as(chair).post(`${base}/decisions`, { kind: 'resolution', rationale: 'a third shift lifts Chilled capacity', expects });
    expect(shift).toMatchObject({ status: 201, body: { expects } });
    // And that the promotion lifts October's actual Chilled demand to 11,000, which the sales feed says it did (11,500).
    expect((await as(admin).post(`/api/org-nodes/${node}/actuals`, { demand: [{ family: 'Chilled', period: '2026-10', volume: 11_500 }] })).status).toBeLessThan(300);
    const promotion = await as(chair).post(`${base}/decisions`, {
      kind: 'resolution',
      rationale: 'the autumn promotion lifts Chilled demand',
      expects: { figure: 'family_demand_actual', family: 'Chilled', from: '2026-10', atLeast: 11_000, by: '2026-11-01' },
    });
    expect(promotion.status).toBe(201);
    expect((await as(chair).post(`${base}/steps/executive_sop/completion`, {})).body.step).toBe('published');

    // The overtime's date has passed: the engine escalates it to the chair as soon as it follows it.
    const overtimeId = accepted.body.actions[0].actionId as string;
    const reviewId = resolved.body.actions[0].actionId as string;
    const overtime = await eventually(
      () => as(stranger).get(`/api/sop-actions/${overtimeId}`),
      (answer) => answer.status === 200 && answer.body.overdueAt !== null,
      { what: 'the overtime to be escalated' },
    );
    expect(overtime.body).toMatchObject({ status: 'open', overdue: true, escalatedTo: chair.id, remindedAt: null, chairId: chair.id });
    expect((await events('plans.action-overdue', node)).map((data) => [data.actionId, data.escalatedTo])).toEqual([[overtimeId, chair.id]]);
    const listed = await eventually(
      () => as(stranger).get(`/api/sop-actions?cycleId=${encodeURIComponent(september.cycleId)}&status=all`),
      (answer) => answer.body.total === 2,
      { what: 'both actions to be listed' },
    );
    expect(listed.body.actions.map((action: { id: string }) => action.id)).toEqual([overtimeId, reviewId]);

    // Done only by its owner, only with evidence; dropped only by the chair, with a reason.
    const completion = (person: Person, id: string, body: object) => as(person).post(`/api/sop-actions/${id}/completion`, body);
    expect((await completion(stranger, reviewId, { evidence: { text: 'done' } })).status).toBe(403);
    expect((await completion(planner, reviewId, {})).status).toBe(400);
    expect((await completion(planner, reviewId, { evidence: 'done' })).status).toBe(400);
    expect((await as(chair).post(`${base}/decisions`, { kind: 'resolution', rationale: 'x', action: 'do it' })).status).toBe(400);
    expect((await completion(planner, reviewId, { evidence: { text: '  ' } })).status).toBe(422);
    expect((await completion(planner, randomUUID(), { evidence: { text: 'done' } })).status).toBe(404);
    const done = await completion(planner, reviewId, { evidence: { text: 'Plan revised with sales', links: ['https://plans.example/chilled'] } });
    expect(done).toMatchObject({ status: 200, body: { status: 'done', done: { by: planner.id, evidence: { text: 'Plan revised with sales', links: ['https://plans.example/chilled'] } } } });
    expect((await completion(planner, reviewId, { evidence: { text: 'again' } })).status).toBe(409);
    expect((await as(planner).post(`/api/sop-actions/${overtimeId}/drop`, { reason: 'not needed' })).status).toBe(403);
    expect((await as(planner).get(`/api/sop-actions?ownerId=${planner.id}`)).body.actions.map((action: { id: string }) => action.id)).toEqual([overtimeId]);
    // What answers the Chilled gap, found by what the exception was about (as an initiative's page finds its own); nothing for a family with no exception.
    expect((await as(stranger).get(`/api/sop-actions?subject=${encodeURIComponent(`${node}/Chilled`)}&status=all`)).body.actions.map((action: { id: string }) => action.id)).toEqual([overtimeId]);
    expect((await as(stranger).get(`/api/sop-actions?subject=${encodeURIComponent(`${node}/Frozen`)}&status=all`)).body).toEqual({ total: 0, actions: [] });

    // October: the gap is back past its accepted mitigation's date, and the overdue action is off plan too.
    const october = await cycleAtExecutive(node, '2026-10');
    expect(october.agenda.exceptions.map((exception: { kind: string; valueAtRisk: number | null }) => [exception.kind, exception.valueAtRisk])).toEqual([
      ['forecast_below_target_ytd', 4_000_000],
      ['forecast_below_target', 2_000_000],
      ['action_overdue', null],
      ['demand_exceeds_capacity', null],
    ]);
    const back = october.agenda.exceptions.find((exception: { kind: string }) => exception.kind === 'demand_exceeds_capacity');
    expect(back.figures.recurrence).toEqual({ cycles: 2, mitigationFailed: true });
    const overdue = october.agenda.exceptions.find((exception: { kind: string }) => exception.kind === 'action_overdue');
    expect(overdue).toMatchObject({ subject: overtimeId, subjectName: 'Overtime on Chilled', ownerId: planner.id, figures: { action: { title: 'Overtime on Chilled', dueDate: '2026-10-01' } } });
    expect((await as(stranger).get(`/api/org-nodes/${node}/off-plan?period=2026-10`)).body.exceptions.map(essence)).toEqual(october.agenda.exceptions.map(essence));

    // The check ran on its day: Chilled capacity is still the plan's 10,000, so the decision missed what it expected.
    const missed = await eventually(
      () => as(stranger).get(`/api/sop-decisions?orgNodeId=${node}&outcome=missed`),
      (answer) => answer.body.total === 1,
      { what: 'the decision to be checked' },
    );
    expect(missed.body.decisions[0]).toMatchObject({ decisionId: shift.body.decisionId, expects, check: { met: false, expected: 12_000, actual: 10_000 } });
    const met = await eventually(
      () => as(stranger).get(`/api/sop-decisions?orgNodeId=${node}&outcome=met`),
      (answer) => answer.body.total === 1,
      { what: 'the promotion to be checked' },
    );
    expect(met.body.decisions[0]).toMatchObject({ decisionId: promotion.body.decisionId, check: { met: true, expected: 11_000, actual: 11_500 } });
    const all = await as(stranger).get(`/api/sop-decisions?orgNodeId=${node}&chairId=${chair.id}&kind=resolution`);
    expect(all.body.total).toBe(3);
    expect(all.body.nodes).toEqual([expect.objectContaining({ orgNodeId: node, decisions: 3, checked: 2, met: 1, shareMet: 0.5 })]);
    expect((await as(stranger).get(`/api/sop-decisions?outcome=maybe`)).status).toBe(400);
    expect((await events('plans.decision-checked', node)).map((data) => [data.decisionId, data.met, data.actual]).sort()).toEqual(
      [
        [shift.body.decisionId, false, 10_000],
        [promotion.body.decisionId, true, 11_500],
      ].sort(),
    );

    // Its room opens with September's decisions and what became of their actions, and the action still open.
    const matters = await as(stranger).get(`/api/sop-cycles/${encodeURIComponent(october.cycleId)}/matters-arising`);
    expect(matters.status).toBe(200);
    expect(matters.body.earlier.map((cycle: { period: string }) => cycle.period)).toEqual(['2026-09']);
    expect(
      matters.body.earlier[0].decisions.map((decision: { kind: string; actions: { status: string; overdue: boolean }[] }) => [
        decision.kind,
        decision.actions.map((action) => [action.status, action.overdue]),
      ]),
    ).toEqual([
      ['accept_mitigation', [['open', true]]],
      ['resolution', [['done', false]]],
      ['resolution', []],
      ['resolution', []],
    ]);
    expect(matters.body.earlier[0].decisions[2].check).toMatchObject({ met: false, actual: 10_000 });
    expect(matters.body.openActions.map((action: { id: string }) => action.id)).toEqual([overtimeId]);

    const dropped = await as(chair).post(`/api/sop-actions/${overtimeId}/drop`, { reason: 'the third shift replaces it' });
    expect(dropped).toMatchObject({ status: 200, body: { status: 'dropped', overdue: false, dropped: { by: chair.id, reason: 'the third shift replaces it' } } });
    expect((await events('plans.action-dropped', node)).map((data) => data.reason)).toEqual(['the third shift replaces it']);
    expect((await as(stranger).get(`/api/sop-cycles/${encodeURIComponent(october.cycleId)}/matters-arising`)).body.openActions).toEqual([]);
  });
});
