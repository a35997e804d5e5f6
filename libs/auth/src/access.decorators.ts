import { SetMetadata } from '@nestjs/common';
import type { Role } from '@tollgate/domain';

export const PUBLIC_ROUTE = 'tollgate:public-route';
export const REQUIRED_ROLES = 'tollgate:required-roles';

/** A route anyone may call without a token: health, metrics, the API docs. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A route for holders of any one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
