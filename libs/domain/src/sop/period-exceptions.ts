import { capacityException, escalationException, planExceptions, type DeviationThreshold, type SopException } from './sop-exception';

/** What a node's S&OP knows of one period: value against plan and target, volumes per family, escalated initiatives. */
export interface PeriodFigures {
  orgNodeId: string;
  period: string;
  value: { planned: number; forecast: number; target: number | null };
  /** Demand and capacity per product family, in volumes; a family missing one side counts it as 0. */
  families: readonly { family: string; demand: number; capacity: number }[];
  escalated: readonly { initiativeId: string; status: string; sponsorId: string }[];
}

/**
 * Every exception of a node's period, each owed by someone: value deviations
 * by the node's owner, capacity gaps by the node's owner, escalated
 * initiatives by their sponsors. Only deviations are reported: a period on
 * plan has none.
 */
export function periodExceptions(
  figures: PeriodFigures,
  thresholds: { value: DeviationThreshold; volume: DeviationThreshold },
  ownerId: string,
): SopException[] {
  const { orgNodeId, period, value } = figures;
  const exceptions = planExceptions(
    { subject: orgNodeId, period, plan: value.planned, target: value.target, forecast: value.forecast, owner: ownerId },
    thresholds.value,
  );
  for (const family of figures.families) {
    const gap = capacityException({ subject: `${orgNodeId}/${family.family}`, period, demand: family.demand, capacity: family.capacity, owner: ownerId }, thresholds.volume);
    if (gap) exceptions.push(gap);
  }
  for (const initiative of figures.escalated) {
    const escalated = escalationException(initiative, period);
    if (escalated) exceptions.push(escalated);
  }
  return exceptions;
}

/** Demand and capacity cells paired per family, for every period the cells name; one pass over the cells. */
export function familyVolumesByPeriod(
  cells: readonly { line: string; family: string; period: string; amount: number }[],
): Map<string, { family: string; demand: number; capacity: number }[]> {
  const byPeriod = new Map<string, Map<string, { family: string; demand: number; capacity: number }>>();
  for (const cell of cells) {
    if (cell.line !== 'demand' && cell.line !== 'capacity') continue;
    let families = byPeriod.get(cell.period);
    if (!families) byPeriod.set(cell.period, (families = new Map()));
    let entry = families.get(cell.family);
    if (!entry) families.set(cell.family, (entry = { family: cell.family, demand: 0, capacity: 0 }));
    entry[cell.line] += cell.amount;
  }
  return new Map([...byPeriod].map(([period, families]) => [period, [...families.values()].sort((a, b) => a.family.localeCompare(b.family))]));
}
