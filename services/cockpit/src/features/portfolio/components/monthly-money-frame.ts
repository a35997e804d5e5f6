import { formatMoney, formatMoneyShort } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';

/** A chart of money per month: months along, amounts up, a legend above taking `legendHeight` of it. */
export function monthlyMoneyFrame(periods: string[], minor: number, currency: string, legendHeight: number) {
  return {
    grid: { left: 90, right: 16, top: legendHeight, bottom: 40 },
    legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatMoney(value * minor, currency) },
    xAxis: { type: 'category', data: periods.map((period) => formatPeriod(period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoneyShort(value * minor, currency) } },
  };
}
