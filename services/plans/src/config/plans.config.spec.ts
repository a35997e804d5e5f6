import { ConfigError, loadConfig } from '@tollgate/config';
import { plansConfigSchema } from './plans.config';

const DAY = 86_400_000;

describe('plans settings', () => {
  it('waits P60D for confirmed value after implementation and P10D for a gate decision unless told otherwise', () => {
    const config = loadConfig(plansConfigSchema, { NODE_ENV: 'development' });
    expect(config.portfolio).toEqual({ phantomUnconfirmedAfter: 'P60D', phantomUnconfirmedAfterMs: 60 * DAY, gateDecisionWithin: 'P10D', gateDecisionWithinMs: 10 * DAY });
    expect(config.http.port).toBe(3001);
  });

  it('reads an ISO-8601 duration', () => {
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_PHANTOM_UNCONFIRMED_AFTER: 'P8W' }).portfolio.phantomUnconfirmedAfterMs).toBe(56 * DAY);
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_GATE_DECISION_WITHIN: 'P3D' }).portfolio.gateDecisionWithinMs).toBe(3 * DAY);
  });

  it('names a setting that is not an exact duration', () => {
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_PHANTOM_UNCONFIRMED_AFTER: 'P2M' })).toThrow(ConfigError);
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_PHANTOM_UNCONFIRMED_AFTER: 'sixty days' })).toThrow(
      /TOLLGATE_PHANTOM_UNCONFIRMED_AFTER: expected an ISO-8601 duration .* \(TOLLGATE_PHANTOM_UNCONFIRMED_AFTER is 'sixty days'\)/,
    );
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_GATE_DECISION_WITHIN: 'a week' })).toThrow(/TOLLGATE_GATE_DECISION_WITHIN: expected an ISO-8601 duration .* such as P10D/);
  });

  it('signs people in with an OpenID provider when its issuer and the client id are set, both or neither', () => {
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development' }).cockpit.oidc).toBeNull();
    const oidc = { TOLLGATE_OIDC_ISSUER: 'https://id.example.com/', TOLLGATE_OIDC_CLIENT_ID: 'cockpit', TOLLGATE_OIDC_SCOPES: 'openid profile tollgate', TOLLGATE_OIDC_RESOURCE: 'urn:tollgate' };
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development', ...oidc }).cockpit.oidc).toEqual({ issuer: 'https://id.example.com', clientId: 'cockpit', scopes: 'openid profile tollgate', resource: 'urn:tollgate' });
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_OIDC_ISSUER: 'https://id.example.com' })).toThrow(/TOLLGATE_OIDC_CLIENT_ID: OpenID sign-in needs both the issuer and the client id/);
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', ...oidc, TOLLGATE_OIDC_SCOPES: 'profile email' })).toThrow(/TOLLGATE_OIDC_SCOPES: must include 'openid'/);
  });
});
