import type { DemoPerson } from '@tollgate/contracts/views';

/** The demo cast: one person for each role the engine knows. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { sub: 'olivia', name: 'Olivia Owner', roles: ['owner'], duty: 'runs initiatives: requests gates, completes milestones, asks for closure' },
  { sub: 'sam', name: 'Sam Sponsor', roles: ['sponsor'], duty: 'sponsors initiatives: decides their gates, holds and resumes them' },
  { sub: 'cleo', name: 'Cleo Controller', roles: ['controller'], duty: 'confirms realized value, the second key at stage 3' },
  { sub: 'pat', name: 'Pat PMO', roles: ['pmo'], duty: 'runs the portfolio office: decides gates, rolls back, may record S&OP decisions in the chair’s stead' },
  { sub: 'lena', name: 'Lena Leader', roles: ['sponsor'], duty: 'chairs the executive S&OP review: decides pivots, accepts mitigations, publishes the cycle' },
  { sub: 'ada', name: 'Ada Admin', roles: ['admin'], duty: 'keeps the hierarchy and the plans of record' },
  { sub: 'vic', name: 'Vic Viewer', roles: ['viewer'], duty: 'reads everything, decides nothing' },
];
