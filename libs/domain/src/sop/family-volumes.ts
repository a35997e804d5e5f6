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
