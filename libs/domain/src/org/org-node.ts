import { unprocessable, type RuleViolation } from '../initiative/rule-violation';

/** The one hierarchy: organization > business unit > program. */
export const ORG_NODE_KINDS = ['organization', 'business_unit', 'program'] as const;

export type OrgNodeKind = (typeof ORG_NODE_KINDS)[number];

const PARENT_KIND: Record<OrgNodeKind, OrgNodeKind | null> = {
  organization: null,
  business_unit: 'organization',
  program: 'business_unit',
};

const NAMED: Record<OrgNodeKind, string> = { organization: 'an organization', business_unit: 'a business unit', program: 'a program' };

/** Where a node may sit: an organization at the top, a business unit under an organization, a program under a business unit. */
export function checkOrgNodePlacement(kind: OrgNodeKind, parent: { id: string; kind: OrgNodeKind } | null | undefined, parentId?: string | null): RuleViolation | null {
  const expected = PARENT_KIND[kind];
  if (parentId && parent === undefined) return unprocessable(`parent ${parentId} is not an org node`, [`parent ${parentId} is not an org node`]);
  if (expected === null) {
    return parent ? unprocessable('an organization is the top of its hierarchy and has no parent', ['an organization has no parent']) : null;
  }
  if (!parent) return unprocessable(`${NAMED[kind]} needs a parent: ${NAMED[expected]}`, [`parentId must name ${NAMED[expected]}`]);
  if (parent.kind !== expected) {
    return unprocessable(`${NAMED[kind]} sits under ${NAMED[expected]}, not under ${NAMED[parent.kind]}`, [`parent ${parent.id} is ${NAMED[parent.kind]}`]);
  }
  return null;
}

