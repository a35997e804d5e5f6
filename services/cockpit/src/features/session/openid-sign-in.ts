import { rolesAtClaim } from '@tollgate/domain';
import type { OpenIdSettings } from '@tollgate/contracts/views';
import type { Session } from '../../lib/session';

/**
 * Sign-in with the organization's OpenID provider: the authorization code
 * flow with PKCE (RFC 7636) for a public client, as a page that keeps no
 * secret must use. What the sign-in needs across the redirect (the PKCE
 * verifier, the state and nonce, where to return) waits in localStorage under
 * its state, so that a sign-in in a second window (signing in again over a
 * half-filled form) finds it too; it is removed once used.
 */
const PENDING = 'tollgate.oidc.';
export const CALLBACK_PATH = '/signed-in';

interface PendingSignIn {
  verifier: string;
  nonce: string;
  returnTo: string;
  /** In a window of its own: hand the session to the page that opened it, then close. */
  popup: boolean;
}

interface ProviderMetadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function metadata(settings: OpenIdSettings): Promise<ProviderMetadata> {
  const answer = await fetch(`${settings.issuer}/.well-known/openid-configuration`);
  if (!answer.ok) throw new Error(`the identity provider could not be reached (${answer.status})`);
  return (await answer.json()) as ProviderMetadata;
}

/** The provider's page to sign in at, with a fresh PKCE pair, state and nonce. */
export async function authorizationUrl(settings: OpenIdSettings, returnTo: string, popup = false): Promise<string> {
  const provider = await metadata(settings);
  const verifier = random();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = random();
  const pending: PendingSignIn = { verifier, nonce: random(), returnTo, popup };
  localStorage.setItem(PENDING + state, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  const parameters: Record<string, string> = {
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    scope: settings.scopes,
    state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(settings.resource ? { resource: settings.resource } : {}),
  };
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.toString();
}

/** The claims of a JWT, unverified: the services verify the token; the page only reads who it names. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('the provider answered a token that is not a JWT');
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0)));
  return JSON.parse(json) as Record<string, unknown>;
}

/** Back from the provider: the code exchanged for tokens with the PKCE verifier, the nonce checked, the session made. */
export async function completeSignIn(settings: OpenIdSettings, callback: URL): Promise<{ session: Session; returnTo: string; popup: boolean }> {
  const error = callback.searchParams.get('error');
  if (error) throw new Error(`the identity provider refused the sign-in: ${callback.searchParams.get('error_description') ?? error}`);
  const state = callback.searchParams.get('state') ?? '';
  const code = callback.searchParams.get('code');
  const stored = localStorage.getItem(PENDING + state);
  if (!stored || !code) throw new Error('this sign-in was not started here, or was already used: sign in again');
  localStorage.removeItem(PENDING + state);
  const pending = JSON.parse(stored) as PendingSignIn;
  const provider = await metadata(settings);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    client_id: settings.clientId,
    code_verifier: pending.verifier,
    ...(settings.resource ? { resource: settings.resource } : {}),
  });
  const answer = await fetch(provider.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const tokens = (await answer.json()) as { access_token?: string; id_token?: string; error?: string; error_description?: string };
  if (!answer.ok || !tokens.id_token) throw new Error(`the identity provider did not issue the tokens: ${tokens.error_description ?? tokens.error ?? answer.status}`);
  const identity = claimsOf(tokens.id_token);
  if (identity.nonce !== pending.nonce) throw new Error('the identity token answers another sign-in (its nonce differs): sign in again');
  // The services take the access token when it is a JWT for them; a provider that issues opaque ones leaves the identity token.
  const token = tokens.access_token && tokens.access_token.split('.').length === 3 ? tokens.access_token : tokens.id_token;
  const claims = claimsOf(token);
  const session: Session = {
    token,
    expiresAt: new Date(Number(claims.exp) * 1000).toISOString(),
    person: { sub: String(claims.sub), name: typeof identity.name === 'string' ? identity.name : String(claims.sub), roles: rolesAtClaim(claims, settings.rolesClaim) ?? [] },
  };
  return { session, returnTo: pending.returnTo, popup: pending.popup };
}
