import { ApplicationFailure } from '@temporalio/common';
import { isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** What went wrong with a workflow update or start, in the terms a service answers with. */
export type UpdateFailure =
  | { kind: 'refused'; details: unknown }
  | { kind: 'ended' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'other' };

/**
 * Sorts a failed call: refused by the workflow's validator (a failure of
 * `refusalType`, its rule in the details), the workflow gone or completed,
 * Temporal unreachable or too slow, or something else to rethrow.
 */
export function classifyUpdateFailure(error: unknown, refusalType: string): UpdateFailure {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === refusalType) {
    return { kind: 'refused', details: error.cause.details?.[0] };
  }
  if (error instanceof WorkflowNotFoundError || (error instanceof WorkflowUpdateFailedError && /completed/i.test(error.cause?.message ?? ''))) {
    return { kind: 'ended' };
  }
  if (isGrpcServiceError(error) || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || (error as Error)?.name === 'ServiceError') {
    return { kind: 'unavailable', message: (error as Error).message };
  }
  return { kind: 'other' };
}
