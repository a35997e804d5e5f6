import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@tollgate/observability';
import { randomBytes, randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativeDraft, initiativePeople } from '../support/initiative-walk';
import { programThroughPlans } from '../support/org-nodes';
import { RunningService, startService } from '../support/running-service';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

// Before any service starts: the spans of both services, the Temporal client
// and the workflow worker in this process all reach this exporter.
const exporter = new InMemorySpanExporter();
startTracing('test', {}).processors.add(new SimpleSpanProcessor(exporter));

/** A W3C traceparent of a trace the test starts, as a caller's tracing would send it. */
function callerTrace() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** From a span up to the trace's root, each span's name: the path the work took to get there. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): string[] {
  const byId = new Map(spans.map((one) => [one.spanContext().spanId, one]));
  const path: string[] = [];
  for (let at: ReadableSpan | undefined = span; at; at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined) path.push(at.name);
  return path;
}

const spansOf = (traceId: string) => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);

// One trace follows a person's command across the chain: the HTTP request to
// the initiatives service, its Temporal client call, the activity the
// lifecycle workflow schedules for it, the outbox row, the Kafka message and
// the plans service's portfolio projection that applies it.
describe('one trace from a request to the plans read model', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let worker: RunningWorkflowWorker;
  let programId: string;
  const people = initiativePeople();

  beforeAll(async () => {
    [plans, initiatives] = await Promise.all([startService('plans'), startService('initiatives')]);
    worker = await startWorkflowWorker();
    await Promise.all([plans.ready(), initiatives.ready()]);
    ({ programId } = await programThroughPlans(plans.baseUrl, initiatives.dataSource, admin, 'Traced'));
  });

  afterAll(async () => {
    await worker?.stop();
    await Promise.all([plans?.close(), initiatives?.close()]);
  });

  const portfolioRow = (initiativeId: string) =>
    eventually(
      async () => (await apiAs(plans.baseUrl, viewer).get(`/api/portfolio/initiatives?orgNodeId=${programId}&limit=1000`)).body,
      (body) => body.initiatives?.some((row: { initiativeId: string }) => row.initiativeId === initiativeId),
      { what: 'the portfolio to show the initiative' },
    );

  it("follows an initiative's creation through the workflow's projection activity to the portfolio", async () => {
    const caller = callerTrace();
    const created = await apiAs(initiatives.baseUrl, people.owner).post('/api/initiatives', initiativeDraft(programId, people), { traceparent: caller.traceparent });
    expect(created.status).toBe(201);
    await portfolioRow(created.body.id);

    const projected = await eventually(
      async () => spansOf(caller.traceId),
      (spans) => spans.some((span) => span.kind === SpanKind.CONSUMER && span.name.endsWith('plans.portfolio apply initiative.created')),
      { what: "the portfolio projection's span in the request's trace" },
    );
    const consumer = projected.find((span) => span.kind === SpanKind.CONSUMER && span.name.endsWith('plans.portfolio apply initiative.created'))!;
    // From the read model's update back to the caller: every hop is the child of the one before. The
    // workflow hands the client call's context to the activity it schedules.
    expect(ancestry(consumer, projected)).toEqual([
      expect.stringMatching(/plans\.portfolio apply initiative\.created$/),
      'RunActivity:projectLifecycleChange',
      expect.stringMatching(/^UpdateWithStartWorkflow:/),
      'POST /api/initiatives',
    ]);
    const server = projected.find((span) => span.name === 'POST /api/initiatives')!;
    expect(server.parentSpanId).toBe(caller.spanId);
    expect(server.attributes['http.response.status_code']).toBe(201);
  });

  it("keeps a gate decision's request, its workflow update and the portfolio's change in one trace", async () => {
    const created = await apiAs(initiatives.baseUrl, people.owner).post('/api/initiatives', initiativeDraft(programId, people));
    const id = created.body.id as string;
    const request = await apiAs(initiatives.baseUrl, people.owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence: { text: 'charter signed', links: [] } });
    expect(request.status).toBe(201);

    const caller = callerTrace();
    const decided = await apiAs(initiatives.baseUrl, people.sponsor).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true }, { traceparent: caller.traceparent });
    expect(decided.status).toBeLessThan(300);
    await eventually(
      async () => (await portfolioRow(id)).initiatives.find((row: { initiativeId: string }) => row.initiativeId === id),
      (row) => row.stage === 1,
      { what: 'the portfolio to show the initiative at stage 1' },
    );

    const isStageChange = (span: ReadableSpan) => span.kind === SpanKind.CONSUMER && span.name.endsWith('plans.portfolio apply initiative.stage-changed');
    const spans = await eventually(async () => spansOf(caller.traceId), (found) => found.some(isStageChange) && found.some((span) => span.name.startsWith('StartWorkflowUpdate:')), {
      what: "the stage change's projection and the workflow update in the request's trace",
    });
    const route = 'POST /api/initiatives/:id/gate-requests/:requestId/decision';
    // The service projects the update's answer itself, in the request: the event is the request's child.
    expect(ancestry(spans.find(isStageChange)!, spans)).toEqual([expect.stringMatching(/plans\.portfolio apply initiative\.stage-changed$/), route]);
    expect(ancestry(spans.find((span) => span.name.startsWith('StartWorkflowUpdate:'))!, spans)).toEqual([expect.stringMatching(/^StartWorkflowUpdate:decideGate/), route]);
    expect(spans.find((span) => span.name === route)!.parentSpanId).toBe(caller.spanId);
  });
});
