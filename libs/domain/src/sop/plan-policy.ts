import type { DeviationThreshold } from './sop-exception';

/** How a node runs its S&OP: who owes the mitigations of its plan exceptions, its thresholds, and the capacity the portfolio pivot may fill. */
export interface SopPolicy {
  ownerId: string | null;
  /** For money: targets and value, in minor units. */
  valueThreshold: DeviationThreshold;
  /** For volumes: demand against plan and capacity. */
  volumeThreshold: DeviationThreshold;
  /** Budget (minor units) and people (FTE) for the node's initiatives; null when the node sets none. */
  pivotCapacity: { budget: number; fte: number } | null;
}

/** A policy as it applies to a node, and where it came from: the node itself, an ancestor, or the settings. */
export interface EffectiveSopPolicy extends SopPolicy {
  orgNodeId: string;
  inheritedFrom: string | 'settings';
}

/**
 * A node without a policy of its own follows its nearest ancestor that has
 * one, whole (a policy is decided as a unit, not field by field); at the top,
 * the settings. `lineage` runs from the node itself up to its organization.
 */
export function effectiveSopPolicy(
  orgNodeId: string,
  lineage: readonly { nodeId: string; policy: SopPolicy | null }[],
  settings: SopPolicy,
): EffectiveSopPolicy {
  const nearest = lineage.find((node) => node.policy !== null);
  return nearest ? { orgNodeId, inheritedFrom: nearest.nodeId, ...nearest.policy! } : { orgNodeId, inheritedFrom: 'settings', ...settings };
}
