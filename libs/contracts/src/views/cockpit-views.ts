import type { Role } from '@tollgate/domain';

/** The organization's OpenID provider and the cockpit's public client there. */
export interface OpenIdSettings {
  issuer: string;
  clientId: string;
  scopes: string;
  /** The API the access token is asked for (RFC 8707), when the provider issues tokens per API. */
  resource: string | null;
  /** Where the token carries the roles: a claim name or a dotted path. */
  rolesClaim: string;
}

/** `GET /api/cockpit/settings`: what the cockpit page reads first, the services' addresses as a browser sees them, and how people sign in. */
export interface CockpitSettings {
  services: { plans: string; initiatives: string; finance: string };
  temporalUiUrl: string;
  /** The namespace the lifecycle workflows run in, for links into the Temporal UI. */
  temporalNamespace: string;
  /**
   * `oidc`: the organization's OpenID provider, authorization code with PKCE;
   * `development`: pick a demo person, the page gets a development token from the plans service.
   */
  signIn: 'oidc' | 'development' | 'unavailable';
  /** For `oidc`: the provider, the cockpit's public client, what to ask for, and where the token carries the roles. */
  oidc: OpenIdSettings | null;
}

/** Someone a newcomer can sign in as on a local stack, with the roles the demo needs. */
export interface DemoPerson {
  sub: string;
  name: string;
  roles: Role[];
  /** What this person does in the demo, shown on the sign-in page. */
  duty: string;
}

/** `GET /api/development/people`. */
export interface DemoPeopleView {
  people: readonly DemoPerson[];
}

/** `POST /api/development/tokens`: a development token for a demo person, and when it expires. */
export interface DevelopmentTokenView {
  token: string;
  expiresAt: string;
  person: DemoPerson;
}
