import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { ExecutionContext } from '@nestjs/common';
import type { RateLimitSettings } from '@tollgate/config';

/** The kinds of costly route, each with its own count a minute. */
export type RateLimitKind = keyof RateLimitSettings;
const KINDS: readonly RateLimitKind[] = ['signIn', 'upload', 'heavyRead'];
const WINDOW_MS = 60_000;

const WHAT: Record<RateLimitKind, string> = {
  signIn: 'development sign-ins from one address',
  upload: 'uploads by one person',
  heavyRead: 'exports and verifications by one person',
};

/** Whole seconds until the caller may try again, as the message and Retry-After both say it. */
const retryAfterSeconds = (detail: ThrottlerLimitDetail) => Math.max(1, Math.ceil(detail.timeToBlockExpire));

/** The counts, kept in this process: each replica counts its own requests. */
export function rateLimitModule(limits: RateLimitSettings) {
  return ThrottlerModule.forRoot({
    throttlers: KINDS.map((name) => ({ name, ttl: WINDOW_MS, limit: limits[name] })),
    errorMessage: (_context, detail) => `too many requests: at most ${detail.limit} a minute; try again in ${retryAfterSeconds(detail)} s`,
  });
}

/** Counts a signed-in person's requests as theirs from any address, and anyone else's by address. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const person = (request['principal'] as { sub?: string } | undefined)?.sub;
    return person ? `person:${person}` : `address:${String(request['ip'])}`;
  }

  // One count per kind and caller, across the kind's routes: the throttler's own key would give every export its own 120.
  protected override generateKey(_context: ExecutionContext, tracker: string, kind: string): string {
    return `${kind}:${tracker}`;
  }

  // The standard header beside the throttler's own (Retry-After-<kind>), which clients do not know.
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<{ header(name: string, value: string): void }>().header('Retry-After', String(retryAfterSeconds(detail)));
    return super.throwThrottlingException(context, detail);
  }
}

/**
 * A route that costs more than most: it answers 429, with Retry-After, past
 * its kind's count a minute. It runs after authentication, so a person is
 * counted as themselves.
 */
export function RateLimited(kind: RateLimitKind) {
  return applyDecorators(
    SkipThrottle(Object.fromEntries(KINDS.filter((other) => other !== kind).map((other) => [other, true]))),
    UseGuards(RateLimitGuard),
    ApiResponse({ status: 429, description: `too many ${WHAT[kind]} within a minute (TOLLGATE_RATE_LIMIT_* settings); Retry-After says when to try again` }),
  );
}
