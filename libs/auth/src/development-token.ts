import type { Role } from '@tollgate/domain';
import jwt from 'jsonwebtoken';

export interface DevelopmentTokenClaims {
  sub: string;
  name?: string;
  roles: Role[];
}

/** Signs an HS256 token for local use: the dev-token command and tests. */
export function issueDevelopmentToken(
  claims: DevelopmentTokenClaims,
  secret: string,
  expiresInSeconds = 8 * 60 * 60,
): string {
  return jwt.sign({ ...claims }, secret, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}
