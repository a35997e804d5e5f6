import { familyVolumesByPeriod, periodExceptions } from './period-exceptions';

describe('a period’s exceptions', () => {
  const thresholds = { value: { absolute: 10_000, percent: 0.05 }, volume: { absolute: 100, percent: 0.05 } };

  it('reports only deviations: value under plan and target, a family short of capacity, an escalated initiative', () => {
    const cells = [
      { line: 'demand', family: 'widgets', period: '2027-03', amount: 5_000 },
      { line: 'capacity', family: 'widgets', period: '2027-03', amount: 4_000 },
      { line: 'demand', family: 'gears', period: '2027-03', amount: 1_000 },
      { line: 'capacity', family: 'gears', period: '2027-03', amount: 1_050 },
      { line: 'demand', family: 'widgets', period: '2027-04', amount: 9_999 },
      { line: 'target', family: '', period: '2027-03', amount: 1 },
    ];
    const volumes = familyVolumesByPeriod(cells);
    expect(volumes.get('2027-03')).toEqual([
      { family: 'gears', demand: 1_000, capacity: 1_050 },
      { family: 'widgets', demand: 5_000, capacity: 4_000 },
    ]);
    expect(volumes.get('2027-04')).toEqual([{ family: 'widgets', demand: 9_999, capacity: 0 }]);
    const exceptions = periodExceptions(
      {
        orgNodeId: 'n',
        period: '2027-03',
        value: { planned: 500_000, forecast: 400_000, target: 600_000 },
        families: volumes.get('2027-03')!,
        escalated: [
          { initiativeId: 'i1', status: 'escalated', sponsorId: 'sam' },
          { initiativeId: 'i2', status: 'at_risk', sponsorId: 'sam' },
        ],
      },
      thresholds,
      'dana',
    );
    expect(exceptions.map((exception) => [exception.kind, exception.subject, exception.deviation, exception.owner])).toEqual([
      ['forecast_below_plan', 'n', -100_000, 'dana'],
      ['forecast_below_target', 'n', -200_000, 'dana'],
      ['demand_exceeds_capacity', 'n/widgets', 1_000, 'dana'],
      ['initiative_escalated', 'i1', 0, 'sam'],
    ]);
  });

  it('has nothing to say about a period on plan', () => {
    const onPlan = { orgNodeId: 'n', period: '2027-03', value: { planned: 500_000, forecast: 495_000, target: 500_000 }, families: [], escalated: [] };
    expect(periodExceptions(onPlan, thresholds, 'dana')).toEqual([]);
  });
});
