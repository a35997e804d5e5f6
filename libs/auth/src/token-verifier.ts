import { identityProblem, rolesAtClaim } from '@tollgate/domain';
import jwt, { JwtHeader, JwtPayload, SigningKeyCallback } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import type { Principal } from './principal';

/** Where signing keys come from: a shared HS256 secret locally, a JWKS URL in production. */
export type TokenKeySource = { jwtSecret: string } | { jwksUrl: string };

/** What else a token must say: the issuer and audience when set, and where its roles are (a dotted path; `roles` by default). */
export interface TokenExpectations {
  issuer?: string;
  audience?: string;
  rolesClaim?: string;
}

/** A token was refused; the message says why, without echoing the token. */
export class TokenRejectedError extends Error {}

/**
 * How long a token may live, and how far the issuer's clock may run ahead of ours. A token that lives
 * for years (an `exp` in 9999) cannot be taken back by anything but a new signing key.
 */
export const TOKEN_LIMITS = { maxLifetimeSeconds: 24 * 3600, clockSkewSeconds: 60 } as const;

export class TokenVerifier {
  private readonly jwks?: JwksClient;
  // Key objects made once: jsonwebtoken would otherwise build one from the secret or PEM on every request.
  private readonly secret?: KeyObject;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly keys: TokenKeySource,
    private readonly expected: TokenExpectations = {},
  ) {
    if ('jwksUrl' in keys) {
      this.jwks = new JwksClient({ jwksUri: keys.jwksUrl, cache: true, rateLimit: true });
    } else {
      this.secret = createSecretKey(Buffer.from(keys.jwtSecret, 'utf8'));
    }
  }

  async verify(token: string): Promise<Principal> {
    const payload = await new Promise<JwtPayload>((resolve, reject) => {
      jwt.verify(
        token,
        this.keyLookup(),
        {
          algorithms: this.jwks ? ['RS256', 'ES256'] : ['HS256'],
          clockTolerance: TOKEN_LIMITS.clockSkewSeconds,
          ...(this.expected.issuer ? { issuer: this.expected.issuer } : {}),
          ...(this.expected.audience ? { audience: this.expected.audience } : {}),
        },
        (error, decoded) => {
          if (error) {
            reject(new TokenRejectedError(describe(error)));
          } else if (!decoded || typeof decoded === 'string') {
            reject(new TokenRejectedError('token payload is not a JSON object'));
          } else if (typeof decoded.exp !== 'number') {
            // A token that never expires cannot be taken back: refused outright.
            reject(new TokenRejectedError('token has no expiry (exp)'));
          } else {
            const problem = lifetimeProblem(decoded.exp, decoded.iat, Date.now() / 1000);
            if (problem) reject(new TokenRejectedError(problem));
            else resolve(decoded);
          }
        },
      );
    });
    return toPrincipal(payload, this.expected.rolesClaim ?? 'roles');
  }

  private keyLookup(): jwt.Secret | jwt.GetPublicKeyOrSecret {
    const jwks = this.jwks;
    if (!jwks) return this.secret!;
    return (header: JwtHeader, callback: SigningKeyCallback) => {
      jwks
        .getSigningKey(header.kid)
        .then((key) => {
          // jwks-rsa keeps the keys it fetched; a rotated key arrives under a new kid.
          const cacheKey = `${key.kid}\n${key.getPublicKey()}`;
          let made = this.publicKeys.get(cacheKey);
          if (!made) {
            made = createPublicKey(key.getPublicKey());
            if (this.publicKeys.size >= 32) this.publicKeys.clear();
            this.publicKeys.set(cacheKey, made);
          }
          callback(null, made);
        })
        .catch((error: Error) => callback(error));
    };
  }
}

function describe(error: Error): string {
  if (error.name === 'TokenExpiredError') return 'token expired';
  if (error.message === 'invalid signature') return 'token signature is invalid';
  if (error.message === 'jwt signature is required') return 'token is not signed';
  if (error.name === 'NotBeforeError') return 'token not yet valid';
  return `token rejected: ${error.message}`;
}

/** Why a token's times are refused, or null: issued in the future, or living longer than TOKEN_LIMITS allow. */
function lifetimeProblem(exp: number, iat: unknown, now: number): string | null {
  const { maxLifetimeSeconds, clockSkewSeconds } = TOKEN_LIMITS;
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + clockSkewSeconds)) return 'token is issued in the future (iat)';
  const from = typeof iat === 'number' ? iat : now;
  if (exp - from > maxLifetimeSeconds + clockSkewSeconds) return `token lives longer than ${maxLifetimeSeconds / 3600} hours (exp)`;
  return null;
}

/** A mail address as the settings accept it: one @, no spaces or angle brackets, at most 254 characters. */
export const MAIL_ADDRESS = /^(?=.{3,254}$)[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function toPrincipal(payload: JwtPayload, rolesClaim: string): Principal {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new TokenRejectedError('token has no subject (sub)');
  }
  // Checked once here, with the rule the records hold, so that every change is recorded under the identity that made it.
  const identity = identityProblem(payload.sub);
  if (identity) throw new TokenRejectedError(`token subject (sub) ${identity}`);
  const roles = rolesAtClaim(payload, rolesClaim);
  if (roles === null) throw new TokenRejectedError(`token roles (${rolesClaim}) must be an array of strings`);
  const name = typeof payload['name'] === 'string' ? (payload['name'] as string) : undefined;
  // An address is only a default for where mail goes: one that does not look like an address is left out, not refused.
  const email = typeof payload['email'] === 'string' && MAIL_ADDRESS.test(payload['email']) ? (payload['email'] as string) : undefined;
  return { sub: payload.sub, ...(name ? { name } : {}), ...(email ? { email } : {}), roles };
}
