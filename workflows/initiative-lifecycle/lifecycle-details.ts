import { stageName, type LifecycleState } from '@tollgate/domain';

const STATUS_WORDS: Record<LifecycleState['status'], string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  escalated: 'escalated',
  on_hold: 'on hold',
  cancelled: 'cancelled',
  closed: 'closed',
};

/** What an operator reads of the lifecycle in the Temporal UI, beside the raw state. */
export function lifecycleDetails(state: LifecycleState): string {
  const closure = state.closure.state === 'pending_confirmation' ? ' · closure awaits finance' : state.closure.state === 'rejected' ? ' · closure rejected' : '';
  return [
    `**${state.code}** ${state.title}`,
    `DoI ${state.stage} (${stageName(state.stage)}) · ${STATUS_WORDS[state.status]}${closure}`,
    `owner ${state.ownerId} · sponsor ${state.sponsorId} · revision ${state.revision}`,
  ].join('\n\n');
}
