import { confirmerProblem, mayDecideGate, type Actor } from '@tollgate/domain';
import { currentSession } from '../../lib/session';
import type { GateView, InitiativeView } from '@tollgate/contracts/views';

/** Who the signed-in person is, for offering actions; the server still decides. */
export interface Viewer {
  sub: string;
  roles: string[];
}

/** The signed-in person as the pages' offers see them; nobody, with no roles, while signed out. */
/** The viewer as the domain's rules name a person. */
export function actorOf(viewer: Viewer): Actor {
  return { id: viewer.sub, roles: viewer.roles as Actor['roles'] };
}

export function currentViewer(): Viewer {
  const person = currentSession()?.person;
  return { sub: person?.sub ?? '', roles: person?.roles ?? [] };
}

/** Offers the gate request to the owner, for the next stage up to 4; stage 5 is the workflow's, on finance's word. */
export function mayRequestGate(viewer: Viewer, initiative: InitiativeView): boolean {
  const open = !['on_hold', 'cancelled', 'closed'].includes(initiative.status);
  return open && viewer.sub === initiative.ownerId && initiative.stage < 4 && !initiative.gates.some((gate) => gate.state === 'pending');
}

/** Offers a decision on a pending request to a holder of a key it still needs, never to its submitter: the domain's rule. */
export function mayDecide(viewer: Viewer, initiative: InitiativeView, gate: GateView): boolean {
  return mayDecideGate(actorOf(viewer), initiative, gate);
}

export function mayRequestClosure(viewer: Viewer, initiative: InitiativeView): boolean {
  return viewer.sub === initiative.ownerId && initiative.stage === 4 && ['none', 'rejected'].includes(initiative.closure.state);
}

/** A controller who neither owns nor sponsors the initiative confirms realized value, at any stage and status, as finance takes it. */
export function mayConfirm(viewer: Viewer, initiative: InitiativeView): boolean {
  return viewer.roles.includes('controller') && confirmerProblem(viewer.sub, initiative) === null;
}

/** The owner completes an open milestone of an initiative that is neither closed nor cancelled. */
export function mayCompleteMilestone(viewer: Viewer, initiative: InitiativeView): boolean {
  return viewer.sub === initiative.ownerId && !['cancelled', 'closed'].includes(initiative.status) && initiative.milestones.some((milestone) => milestone.completedAt === null);
}

/** The side moves a person may make: the sponsor holds, resumes or cancels an open initiative; a PMO rolls one back a stage. */
export function sideMovesFor(viewer: Viewer, initiative: InitiativeView): Array<'hold' | 'resume' | 'cancel' | 'rollback'> {
  if (['cancelled', 'closed'].includes(initiative.status)) return [];
  const moves: Array<'hold' | 'resume' | 'cancel' | 'rollback'> = [];
  if (viewer.sub === initiative.sponsorId) moves.push(initiative.status === 'on_hold' ? 'resume' : 'hold', 'cancel');
  if (viewer.roles.includes('pmo') && initiative.stage > 0) moves.push('rollback');
  return moves;
}

/** The sponsor moves an open milestone's due date, with a reason. */
export function mayReplanMilestone(viewer: Viewer, initiative: InitiativeView): boolean {
  return viewer.sub === initiative.sponsorId && !['cancelled', 'closed'].includes(initiative.status) && initiative.milestones.some((milestone) => milestone.completedAt === null);
}
