/** What the cockpit page reads first: the services' addresses as a browser sees them, and how people sign in. */
export interface CockpitSettings {
  services: { plans: string; initiatives: string; finance: string };
  temporalUiUrl: string;
  /** The namespace the lifecycle workflows run in, for links into the Temporal UI. */
  temporalNamespace: string;
  /**
   * `oidc`: the organization's OpenID provider, authorization code with PKCE;
   * `development`: pick a demo person, the page gets a development token from this service.
   */
  signIn: 'oidc' | 'development' | 'unavailable';
  /** For `oidc`: the provider, the cockpit's public client, what to ask for, and where the token carries the roles. */
  oidc: { issuer: string; clientId: string; scopes: string; resource: string | null; rolesClaim: string } | null;
}

export const COCKPIT_SETTINGS = Symbol('COCKPIT_SETTINGS');
