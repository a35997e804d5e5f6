/** What the cockpit page reads first: the services' addresses as a browser sees them, and how people sign in. */
export interface CockpitSettings {
  services: { plans: string; initiatives: string; finance: string };
  temporalUiUrl: string;
  /** The namespace the lifecycle workflows run in, for links into the Temporal UI. */
  temporalNamespace: string;
  /** `development`: pick a demo person; the page gets a development token from this service. */
  signIn: 'development' | 'unavailable';
}

export const COCKPIT_SETTINGS = Symbol('COCKPIT_SETTINGS');
