import type { PlanView } from '@tollgate/contracts/views';

export function demandCapacitySeries(plan: Pick<PlanView, 'demand' | 'capacity'>) {
  const periods = [...new Set([...plan.demand, ...plan.capacity].map((cell) => cell.period))].sort();
  const families = [...new Set([...plan.demand, ...plan.capacity].map((cell) => cell.family))].sort();
  const volume = (cells: PlanView['demand'], family: string, period: string) =>
    cells.filter((cell) => cell.family === family && cell.period === period).reduce((sum, cell) => sum + cell.volume, 0);
  return {
    periods,
    families: families.map((family) => {
      const demand = periods.map((period) => volume(plan.demand, family, period));
      const capacity = periods.map((period) => volume(plan.capacity, family, period));
      return { family, demand, capacity, shortfall: demand.map((value, index) => Math.max(value - capacity[index], 0)) };
    }),
  };
}
