import { forecastAccuracy } from './forecast-accuracy';
import { phantomProgress } from './phantom-progress';
import { proposePivot } from './portfolio-pivot';
import { capacityException, isBeyondThreshold, planExceptions } from './sop-exception';
import { targetWaterfall } from './target-waterfall';

const DAY = 86_400_000;

describe('forecast accuracy', () => {
  it('computes MAPE, weighted MAPE and bias on known numbers', () => {
    // errors: 10/100, 30/200, 0/50 → MAPE (0.1 + 0.15 + 0) / 3; WMAPE 40/350; bias (10 − 30 + 0)/350
    const accuracy = forecastAccuracy([
      { forecast: 110, actual: 100 },
      { forecast: 170, actual: 200 },
      { forecast: 50, actual: 50 },
    ]);
    expect(accuracy).toEqual({ mape: 0.0833, wmape: 0.1143, bias: -0.0571, periods: 3 });
  });

  it('leaves zero actuals out of MAPE, and answers null where nothing can be computed', () => {
    expect(forecastAccuracy([{ forecast: 10, actual: 0 }, { forecast: 90, actual: 100 }])).toEqual({ mape: 0.1, wmape: 0.2, bias: 0, periods: 2 });
    expect(forecastAccuracy([])).toEqual({ mape: null, wmape: null, bias: null, periods: 0 });
  });
});

describe('S&OP exceptions', () => {
  const threshold = { absolute: 10_000, percent: 0.05 };

  it('needs both limits passed, not one', () => {
    expect(isBeyondThreshold(1_000_000, 960_000, threshold)).toBe(false); // 40k but only 4 %
    expect(isBeyondThreshold(100_000, 90_000, threshold)).toBe(false); // 10 % but exactly 10k
    expect(isBeyondThreshold(100_000, 89_999, threshold)).toBe(true);
    expect(isBeyondThreshold(0, 20_000, threshold)).toBe(true);
  });

  it('flags forecast under plan and under target, each with its owner', () => {
    const exceptions = planExceptions({ subject: 'bu-ops', period: '2027-03', plan: 500_000, target: 600_000, forecast: 420_000, owner: 'olga' }, threshold);
    expect(exceptions).toEqual([
      { kind: 'forecast_below_plan', subject: 'bu-ops', period: '2027-03', reference: 500_000, actual: 420_000, deviation: -80_000, owner: 'olga', valueAtRisk: 80_000, figures: {} },
      { kind: 'forecast_below_target', subject: 'bu-ops', period: '2027-03', reference: 600_000, actual: 420_000, deviation: -180_000, owner: 'olga', valueAtRisk: 180_000, figures: {} },
    ]);
    expect(planExceptions({ subject: 'x', period: '2027-03', plan: 500_000, target: null, forecast: 560_000, owner: 'o' }, threshold)[0].kind).toBe('forecast_above_plan');
    expect(planExceptions({ subject: 'x', period: '2027-03', plan: 500_000, target: 500_000, forecast: 495_000, owner: 'o' }, threshold)).toEqual([]);
  });

  it('flags demand beyond capacity, a gap in volumes with no value at risk', () => {
    expect(capacityException({ subject: 'family-a', period: '2027-03', demand: 13_000, capacity: 12_000, owner: 'sam' }, { absolute: 500, percent: 0.05 })).toMatchObject({
      kind: 'demand_exceeds_capacity',
      deviation: 1_000,
      valueAtRisk: null,
    });
    expect(capacityException({ subject: 'family-a', period: '2027-03', demand: 11_000, capacity: 12_000, owner: 'sam' }, { absolute: 500, percent: 0.05 })).toBeNull();
  });
});

describe('phantom progress', () => {
  const base = { initiativeId: 'i', stage: 4, status: 'on_track', implementedAt: 0, planned: 100, forecast: 100, confirmed: 0 };

  it('catches implemented initiatives whose value stays unconfirmed past the set time', () => {
    expect(phantomProgress(base, 91 * DAY, 90 * DAY)).toEqual(['implemented_unconfirmed']);
    expect(phantomProgress(base, 89 * DAY, 90 * DAY)).toEqual([]);
    expect(phantomProgress({ ...base, confirmed: 1 }, 400 * DAY, 90 * DAY)).toEqual([]);
  });

  it('catches initiatives on track whose forecast has fallen under plan', () => {
    expect(phantomProgress({ ...base, stage: 3, forecast: 80 }, 0, 90 * DAY)).toEqual(['on_track_forecast_under_plan']);
    expect(phantomProgress({ ...base, stage: 3, forecast: 80, status: 'at_risk' }, 0, 90 * DAY)).toEqual([]);
  });
});

describe('target waterfall', () => {
  it('steps from the target through each stage to the gap, closed value at confirmed', () => {
    const steps = targetWaterfall(1_000, [
      { stage: 5, planned: 300, confirmed: 250 },
      { stage: 3, planned: 400, confirmed: 0 },
      { stage: 0, planned: 100, confirmed: 0 },
    ]);
    expect(steps.map((step) => [step.label, step.amount, step.cumulative])).toEqual([
      ['target', 1_000, 1_000],
      ['stage 5', 250, 250],
      ['stage 4', 0, 250],
      ['stage 3', 400, 650],
      ['stage 2', 0, 650],
      ['stage 1', 0, 650],
      ['stage 0', 100, 750],
      ['gap', 250, 1_000],
    ]);
  });
});

describe('portfolio pivot', () => {
  const weights = [0.1, 0.2, 0.4, 0.7, 0.9, 1];

  it('ranks by risk-weighted value per unit of resource and fills the capacity from the top', () => {
    const proposal = proposePivot(
      [
        { initiativeId: 'a', stage: 3, onHold: false, value: 1_000_000, budget: 100_000, fte: 2 }, // 700k / (0.5 + 0.5)
        { initiativeId: 'b', stage: 1, onHold: false, value: 2_000_000, budget: 100_000, fte: 2 }, // 400k / 1
        { initiativeId: 'c', stage: 4, onHold: true, value: 500_000, budget: 20_000, fte: 0.4 }, // 450k / 0.2
        { initiativeId: 'd', stage: 2, onHold: false, value: 300_000, budget: 100_000, fte: 2 }, // 120k / 1
      ],
      { budget: 200_000, fte: 4 },
      weights,
    );
    expect(proposal).toEqual([
      { initiativeId: 'c', score: 2_250_000, move: 'resume' },
      { initiativeId: 'a', score: 700_000, move: 'keep' },
      { initiativeId: 'b', score: 400_000, move: 'hold' },
      { initiativeId: 'd', score: 120_000, move: 'hold' },
    ]);
  });

  it('accelerates the top quarter that fits', () => {
    const proposal = proposePivot([{ initiativeId: 'a', stage: 4, onHold: false, value: 100, budget: 1, fte: 0 }], { budget: 10, fte: 0 }, weights);
    expect(proposal[0].move).toBe('accelerate');
  });
});
