import { Client, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { LIFECYCLE, LIFECYCLE_REFUSAL } from '@tollgate/contracts';
import { InitiativeError } from './initiative.error';
import { LifecycleGateway } from './lifecycle-gateway';
import { LifecycleMetrics } from '../projection/lifecycle-metrics';
import { Registry } from 'prom-client';

// How a failed Temporal call becomes the API's answer. The real paths are
// covered against the stack; here the client is a stand-in that fails as
// Temporal does, to reach the answers the stack cannot be made to give on cue.
function gatewayFailingWith(error: unknown): LifecycleGateway {
  const client = {
    withDeadline: (_deadline: number, call: () => Promise<unknown>) => call(),
    workflow: { getHandle: () => ({ executeUpdate: () => Promise.reject(error) }) },
  } as unknown as Client;
  return new LifecycleGateway(client, new LifecycleMetrics(new Registry()));
}

async function answerFor(error: unknown): Promise<InitiativeError> {
  const failure = await gatewayFailingWith(error)
    .update('0b7f6f0e-1111-4222-8333-444455556666', LIFECYCLE.requestClosure, [{ actor: { id: 'olivia', roles: ['owner'] } }])
    .catch((caught: unknown) => caught);
  expect(failure).toBeInstanceOf(InitiativeError);
  return failure as InitiativeError;
}

describe('LifecycleGateway answers', () => {
  it('turns a refused update into the status of its rule violation, with every unmet criterion', async () => {
    const refusal = ApplicationFailure.create({
      type: LIFECYCLE_REFUSAL,
      message: 'not met',
      details: [{ kind: 'unprocessable', message: 'the gate is not met', unmet: ['a controller must be named'] }],
    });
    const answer = await answerFor(new WorkflowUpdateFailedError('update failed', refusal));
    expect(answer).toMatchObject({ kind: 'unprocessable', message: 'the gate is not met', unmet: ['a controller must be named'] });

    const forbidden = ApplicationFailure.create({ type: LIFECYCLE_REFUSAL, message: 'x', details: [{ kind: 'forbidden', message: 'no right' }] });
    expect(await answerFor(new WorkflowUpdateFailedError('update failed', forbidden))).toMatchObject({ kind: 'forbidden', message: 'no right' });
  });

  it('answers 409 when the lifecycle has ended', async () => {
    expect((await answerFor(new WorkflowNotFoundError('gone', 'initiative-x', undefined))).kind).toBe('conflict');
  });

  it('answers 503 when Temporal cannot be reached, never 500', async () => {
    const answer = await answerFor(new ServiceError('14 UNAVAILABLE: connection refused'));
    expect(answer).toMatchObject({ kind: 'unavailable', message: 'The lifecycle engine is unavailable; try again shortly' });
    expect((await answerFor(new WorkflowUpdateRPCTimeoutOrCancelledError('deadline'))).kind).toBe('unavailable');
  });
});
