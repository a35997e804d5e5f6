/** The roles a person holds in Tollgate; decision rights are built on them. */
export const ROLES = ['admin', 'pmo', 'owner', 'sponsor', 'controller', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The roles a token carries at a claim path (a name, or a dotted path such
 * as `realm_access.roles`): Tollgate's own only, for an identity provider
 * lists other applications' roles too, and those grant nothing here. Null
 * when the claim is there but not a list of names, which no token may carry.
 */
export function rolesAtClaim(claims: Record<string, unknown>, path: string): Role[] | null {
  const value = path.split('.').reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), claims) ?? [];
  if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) return null;
  return value.filter(isRole);
}
