import type { Role } from '@tollgate/domain';

/** The person (or system) behind a request, as the verified token says. */
export interface Principal {
  sub: string;
  name?: string;
  /** The address the identity provider vouches for (its `email` claim), when it sends one that looks like an address. */
  email?: string;
  roles: Role[];
}
