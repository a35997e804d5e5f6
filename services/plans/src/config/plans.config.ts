import { durationSetting, feedSettings, serviceConfigSchema, type FeedSettings, type ServiceConfig } from '@tollgate/config';
import type { SopPolicy } from '@tollgate/domain';
import { z } from 'zod';

/** The portfolio reports' settings. */
const portfolioSettings = z
  .object({
    TOLLGATE_PHANTOM_UNCONFIRMED_AFTER: durationSetting('P60D'),
    TOLLGATE_GATE_DECISION_WITHIN: durationSetting('P10D'),
  })
  .transform((env) => ({
    portfolio: {
      /** How long an implemented initiative may wait for confirmed value before it counts as phantom progress. */
      phantomUnconfirmedAfter: env.TOLLGATE_PHANTOM_UNCONFIRMED_AFTER.text,
      phantomUnconfirmedAfterMs: env.TOLLGATE_PHANTOM_UNCONFIRMED_AFTER.ms,
      /** How long a gate request may wait for its keys before it is off plan. */
      gateDecisionWithin: env.TOLLGATE_GATE_DECISION_WITHIN.text,
      gateDecisionWithinMs: env.TOLLGATE_GATE_DECISION_WITHIN.ms,
    },
  }));

const absoluteLimit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
// A ratio: 0.05 is 5 %.
const ratioLimit = (fallback: number) => z.coerce.number().min(0).max(1000).default(fallback);

/** The S&OP policy of a node when neither it nor any node above it has one. */
const sopSettings = z
  .object({
    TOLLGATE_SOP_VALUE_THRESHOLD_ABSOLUTE: absoluteLimit(1_000_000),
    TOLLGATE_SOP_VALUE_THRESHOLD_PERCENT: ratioLimit(0.05),
    TOLLGATE_SOP_VOLUME_THRESHOLD_ABSOLUTE: absoluteLimit(100),
    TOLLGATE_SOP_VOLUME_THRESHOLD_PERCENT: ratioLimit(0.05),
  })
  .transform((env) => ({
    sop: {
      defaultPolicy: {
        ownerId: null,
        valueThreshold: { absolute: env.TOLLGATE_SOP_VALUE_THRESHOLD_ABSOLUTE, percent: env.TOLLGATE_SOP_VALUE_THRESHOLD_PERCENT },
        volumeThreshold: { absolute: env.TOLLGATE_SOP_VOLUME_THRESHOLD_ABSOLUTE, percent: env.TOLLGATE_SOP_VOLUME_THRESHOLD_PERCENT },
        pivotCapacity: null,
      } satisfies SopPolicy,
    },
  }));

/** The chance, 0 to 1, that value at each DoI stage 0..5 arrives: the pivot weighs value by it. */
const pivotSettings = z
  .object({
    TOLLGATE_PIVOT_DOI_WEIGHTS: z
      .string()
      .trim()
      .default('0.1,0.25,0.5,0.75,0.9,1')
      .transform((text, context) => {
        const weights = text.split(',').map((part) => Number(part.trim()));
        if (weights.length !== 6 || weights.some((weight) => !Number.isFinite(weight) || weight < 0 || weight > 1)) {
          context.addIssue({ code: 'custom', message: 'expected six comma-separated weights between 0 and 1, one per DoI stage 0 to 5' });
          return z.NEVER;
        }
        return weights;
      }),
  })
  .transform((env) => ({ pivot: { doiWeights: env.TOLLGATE_PIVOT_DOI_WEIGHTS } }));

const publicUrl = (fallback: string) => z.string().trim().url().default(fallback).transform((url) => url.replace(/\/+$/, ''));

/** The cockpit page: where its built files are, and where a browser reaches the other services and the Temporal UI. */
const cockpitSettings = z
  .object({
    TOLLGATE_COCKPIT_DIR: z.string().trim().min(1).default('dist/services/cockpit'),
    TOLLGATE_INITIATIVES_PUBLIC_URL: publicUrl('http://127.0.0.1:3002'),
    TOLLGATE_FINANCE_PUBLIC_URL: publicUrl('http://127.0.0.1:3003'),
    TOLLGATE_TEMPORAL_UI_URL: publicUrl('http://127.0.0.1:8233'),
    // Sign-in with an OpenID provider (authorization code with PKCE, a public client): its issuer and the cockpit's client id.
    TOLLGATE_OIDC_ISSUER: z.string().trim().url().optional(),
    TOLLGATE_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    TOLLGATE_OIDC_SCOPES: z.string().trim().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'scope names separated by single spaces').default('openid profile'),
    // The resource (RFC 8707) the access token is asked for, when the provider issues tokens per API.
    TOLLGATE_OIDC_RESOURCE: z.string().trim().min(1).optional(),
  })
  .superRefine((env, context) => {
    if (Boolean(env.TOLLGATE_OIDC_ISSUER) !== Boolean(env.TOLLGATE_OIDC_CLIENT_ID)) {
      context.addIssue({ code: 'custom', path: [env.TOLLGATE_OIDC_ISSUER ? 'TOLLGATE_OIDC_CLIENT_ID' : 'TOLLGATE_OIDC_ISSUER'], message: 'OpenID sign-in needs both the issuer and the client id' });
    }
    if (env.TOLLGATE_OIDC_ISSUER && !env.TOLLGATE_OIDC_SCOPES.split(' ').includes('openid')) {
      context.addIssue({ code: 'custom', path: ['TOLLGATE_OIDC_SCOPES'], message: "must include 'openid'" });
    }
  })
  .transform((env) => ({
    cockpit: {
      directory: env.TOLLGATE_COCKPIT_DIR,
      initiativesUrl: env.TOLLGATE_INITIATIVES_PUBLIC_URL,
      financeUrl: env.TOLLGATE_FINANCE_PUBLIC_URL,
      temporalUiUrl: env.TOLLGATE_TEMPORAL_UI_URL,
      oidc:
        env.TOLLGATE_OIDC_ISSUER && env.TOLLGATE_OIDC_CLIENT_ID
          ? { issuer: env.TOLLGATE_OIDC_ISSUER.replace(/\/+$/, ''), clientId: env.TOLLGATE_OIDC_CLIENT_ID, scopes: env.TOLLGATE_OIDC_SCOPES, resource: env.TOLLGATE_OIDC_RESOURCE ?? null }
          : null,
    },
  }));

/** Where mail goes: the SMTP server (none: nothing is sent, each notification says so), the sender, and the cockpit's address for links. */
const notificationSettings = z
  .object({
    TOLLGATE_SMTP_URL: z
      .string()
      .trim()
      .url()
      .refine((url) => /^smtps?:\/\//.test(url), 'expected smtp://host:port or smtps://user:password@host:port')
      .optional(),
    TOLLGATE_MAIL_FROM: z.string().trim().min(3).max(200).default('Tollgate <tollgate@localhost>'),
    TOLLGATE_COCKPIT_PUBLIC_URL: publicUrl('http://127.0.0.1:3001'),
    TOLLGATE_NOTIFICATION_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    TOLLGATE_NOTIFICATION_FIRST_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
    TOLLGATE_DIGEST_CHECK_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  })
  .transform((env) => ({
    notifications: {
      smtpUrl: env.TOLLGATE_SMTP_URL ?? null,
      mailFrom: env.TOLLGATE_MAIL_FROM,
      cockpitUrl: env.TOLLGATE_COCKPIT_PUBLIC_URL,
      pollMs: env.TOLLGATE_NOTIFICATION_POLL_MS,
      /** The wait before a failed send is tried again, doubling after each failure. */
      firstRetryMs: env.TOLLGATE_NOTIFICATION_FIRST_RETRY_MS,
      /** How often the people whose daily digest may be due are looked for. */
      digestCheckMs: env.TOLLGATE_DIGEST_CHECK_MS,
    },
  }));

/** The plans service's settings; see docs/operations.md for each variable. */
export const plansConfigSchema = z.intersection(
  z.intersection(
    z.intersection(z.intersection(z.intersection(serviceConfigSchema('plans', 3001), portfolioSettings), sopSettings), pivotSettings),
    z.intersection(cockpitSettings, notificationSettings),
  ),
  // The sales and operations feeds are applied here; planning forecasts go to the initiatives service.
  feedSettings(['sales.demand-actuals', 'sales.demand-forecast', 'operations.capacity-plan']),
);

export type PlansConfig = ServiceConfig &
  z.infer<typeof portfolioSettings> &
  z.infer<typeof sopSettings> &
  z.infer<typeof pivotSettings> &
  z.infer<typeof cockpitSettings> &
  z.infer<typeof notificationSettings> &
  FeedSettings;
