import { defineSearchAttributeKey } from '@temporalio/common';
import type { LifecycleState } from '@tollgate/domain';

/** Temporal task queues: one for workflows, one per service for its own activities. */
export const TASK_QUEUES = {
  lifecycle: 'initiative-lifecycle',
  plans: 'plans',
  initiatives: 'initiatives',
  finance: 'finance',
} as const;

export type ServiceTaskQueue = (typeof TASK_QUEUES)['plans' | 'initiatives' | 'finance'];

/** Workflow types registered by the workflow worker. */
export const WORKFLOW_TYPES = {
  initiativeLifecycle: 'initiativeLifecycle',
  stackProbe: 'stackProbe',
  confirmationDelivery: 'confirmationDelivery',
  sopCycle: 'sopCycle',
  sopAction: 'sopAction',
  decisionCheck: 'decisionCheck',
  monthlySopCycle: 'monthlySopCycle',
  initiativeImport: 'initiativeImport',
} as const;

/** The business key of an initiative's lifecycle workflow. */
export function initiativeWorkflowId(initiativeId: string): string {
  return `initiative-${initiativeId}`;
}

/** Custom search attributes that operators query in the Temporal UI and CLI. */
export const SEARCH_ATTRIBUTES = {
  stage: defineSearchAttributeKey('TollgateStage', 'INT'),
  status: defineSearchAttributeKey('TollgateStatus', 'KEYWORD'),
  programId: defineSearchAttributeKey('TollgateProgramId', 'KEYWORD'),
  ownerId: defineSearchAttributeKey('TollgateOwnerId', 'KEYWORD'),
  closure: defineSearchAttributeKey('TollgateClosure', 'KEYWORD'),
} as const;

/** The search attributes of an initiative's lifecycle, as it starts and whenever one of them moves. */
export function lifecycleSearchAttributes(state: Pick<LifecycleState, 'stage' | 'status' | 'closure' | 'programId' | 'ownerId'>) {
  return [
    { key: SEARCH_ATTRIBUTES.stage, value: state.stage },
    { key: SEARCH_ATTRIBUTES.status, value: state.status },
    { key: SEARCH_ATTRIBUTES.closure, value: state.closure.state },
    { key: SEARCH_ATTRIBUTES.programId, value: state.programId },
    { key: SEARCH_ATTRIBUTES.ownerId, value: state.ownerId },
  ];
}
