/** The roles a person holds in Tollgate; decision rights are built on them. */
export const ROLES = ['admin', 'pmo', 'owner', 'sponsor', 'controller', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
