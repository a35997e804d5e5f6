import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@tollgate/domain';

export const PUBLIC_ROUTE = 'tollgate:public-route';
export const REQUIRED_ROLES = 'tollgate:required-roles';

/** Where an operation of the OpenAPI documents names the roles that may call it; absent, every signed-in role may. */
export const ROLES_EXTENSION = 'x-roles';

/** A route anyone may call without a token: health, metrics, the API docs. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * A route for holders of any one of these roles. The OpenAPI document states them too, so that a
 * program calling the API (and the conformance test) knows who passes the guard before it asks.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(ROLES_EXTENSION, roles));
