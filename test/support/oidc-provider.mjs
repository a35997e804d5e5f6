// A real OpenID provider for the cockpit's sign-in tests (the oidc-provider
// package, certified by the OpenID Foundation), started by a test as its own
// process: the package is ESM only. Its development login page takes any
// login; the account's roles come from ACCOUNTS. It prints its issuer once
// it listens.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { OIDC_PORT, OIDC_CLIENT_ID, OIDC_REDIRECT_URI, OIDC_RESOURCE, OIDC_ACCOUNTS, OIDC_ACCESS_TOKEN_TTL } = process.env;
const issuer = `http://127.0.0.1:${OIDC_PORT}`;
/** login -> { name, roles } */
const accounts = JSON.parse(OIDC_ACCOUNTS ?? '{}');
const person = (login) => accounts[login] ?? { name: login, roles: [] };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      // A page in a browser keeps no secret: a public client, PKCE required (the default for one).
      token_endpoint_auth_method: 'none',
      redirect_uris: OIDC_REDIRECT_URI.split(' '),
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: person(sub).name }) }),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Every access token is for Tollgate's API, as a JWT the services verify with this provider's JWKS.
      defaultResource: async () => OIDC_RESOURCE,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== OIDC_RESOURCE) throw new Error(`unknown resource ${resource}`);
        return { scope: 'tollgate', audience: OIDC_RESOURCE, accessTokenTTL: Number(OIDC_ACCESS_TOKEN_TTL ?? 3600), accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  extraTokenClaims: async (_ctx, token) => (token.kind === 'AccessToken' ? { roles: person(token.accountId).roles } : undefined),
  scopes: ['openid', 'profile', 'tollgate'],
  pkce: { required: () => true },
  cookies: { keys: ['tollgate-test-cookie-key'] },
});
provider.proxy = false;

createServer(provider.callback()).listen(Number(OIDC_PORT), '127.0.0.1', () => process.stdout.write(`oidc provider listening at ${issuer}\n`));
