import type { Role } from '@tollgate/domain';

/** The person (or system) behind a request, as the verified token says. */
export interface Principal {
  sub: string;
  name?: string;
  roles: Role[];
}
