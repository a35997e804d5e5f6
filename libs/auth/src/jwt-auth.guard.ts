import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@tollgate/domain';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './access.decorators';
import type { Principal } from './principal';
import { TokenRejectedError, TokenVerifier } from './token-verifier';

/** The request as the guard leaves it: with the verified principal. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Every route needs a valid bearer token unless marked @Public(); a route
 * marked @Roles(...) also needs one of those roles (403 names them).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers['authorization']);
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((role) => principal.roles.includes(role))) {
      const wanted = required.length === 1 ? `the role '${required[0]}'` : `one of the roles ${required.map((r) => `'${r}'`).join(', ')}`;
      throw new ForbiddenException(`This action requires ${wanted}`);
    }
    return true;
  }

  private async authenticate(header: string | string[] | undefined): Promise<Principal> {
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+(\S+)$/i);
    if (!match) {
      throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <JWT>)');
    }
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        throw new UnauthorizedException(error.message);
      }
      throw new UnauthorizedException('token could not be verified');
    }
  }
}
