import { hasRole, type Actor } from '../../initiative/actor';

/** Who runs a step or sends a mitigation: its owner, or a PMO or admin standing in. */
export function mayRunSopWork(actor: Pick<Actor, 'id' | 'roles'>, ownerId: string): boolean {
  return actor.id === ownerId || hasRole(actor, 'pmo') || hasRole(actor, 'admin');
}

/** Who decides at the executive S&OP: its chair or a PMO; an admin manages the hierarchy and plans, and decides nothing. */
export function mayTakeSopDecision(actor: Pick<Actor, 'id' | 'roles'>, chairId: string): boolean {
  return actor.id === chairId || hasRole(actor, 'pmo');
}
