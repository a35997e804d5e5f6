/** What the cockpit page reads first: the shape is the API's, shared with the page. */
export type { CockpitSettings } from '@tollgate/contracts/views';

export const COCKPIT_SETTINGS = Symbol('COCKPIT_SETTINGS');
