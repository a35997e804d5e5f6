import type { Role } from '../role';

/** The person behind a command, as the verified token names them. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}
