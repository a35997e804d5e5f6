import type { LifecycleState } from '../lifecycle-state';
import { totalPlanned } from '../measure';

/** The value an initiative stands for: its planned values, or its rough value while none are planned. */
export function plannedValueOf(state: Pick<LifecycleState, 'measures' | 'roughValue'>): number {
  return totalPlanned(state.measures) || state.roughValue;
}

/** What finance has confirmed as realized, in minor units of the initiative's currency. */
export function confirmedValueOf(state: Pick<LifecycleState, 'confirmations'>): number {
  return state.confirmations.reduce((sum, confirmation) => sum + confirmation.amount, 0);
}
