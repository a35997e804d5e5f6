/**
 * The shapes the services answer over HTTP, as types only: the services
 * declare them as what their routes return, and the cockpit reads them with
 * `import type`, so that a field renamed on either side fails the build and
 * the browser bundle takes nothing from here.
 */
export type * from './cockpit-views';
export type * from './finance-views';
export type * from './initiative-views';
export type * from './org-node-views';
export type * from './plan-views';
export type * from './portfolio-views';
export type * from './sop-views';
export type * from './notification-views';
