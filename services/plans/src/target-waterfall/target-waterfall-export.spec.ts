import { targetWaterfall } from '@tollgate/domain';
import { csvOf } from '@tollgate/spreadsheets';
import { targetWaterfallSheets, waterfallStepName } from './target-waterfall-export';

describe('target waterfall export', () => {
  it('names each step as people do, with its stage', () => {
    expect(waterfallStepName('target')).toEqual({ step: 'Target', stage: null });
    expect(waterfallStepName('stage 5')).toEqual({ step: 'Stage 5 Closed', stage: 5 });
    expect(waterfallStepName('stage 0')).toEqual({ step: 'Stage 0 Defined', stage: 0 });
    expect(waterfallStepName('gap')).toEqual({ step: 'Gap', stage: null });
  });

  it('walks from the target through each stage to the gap, amounts and running totals in major units', () => {
    const steps = targetWaterfall(1_000_000, [
      { stage: 5, planned: 300_000, confirmed: 240_000 },
      { stage: 3, planned: 120_000, confirmed: 0 },
    ]);
    const [sheet, notes] = targetWaterfallSheets({ orgNodeId: 'node-1', currency: 'EUR', from: '2027-01', to: '2027-04', targetPlanId: null, steps }, '2027-04-02T08:00:00.000Z');
    expect(csvOf(sheet).toString('utf8').trim().split('\r\n')).toEqual([
      'Step,Stage,Amount,Cumulative,Currency',
      'Target,,10000.00,10000.00,EUR',
      'Stage 5 Closed,5,2400.00,2400.00,EUR',
      'Stage 4 Implemented,4,0.00,2400.00,EUR',
      'Stage 3 Decided,3,1200.00,3600.00,EUR',
      'Stage 2 Detailed,2,0.00,3600.00,EUR',
      'Stage 1 Identified,1,0.00,3600.00,EUR',
      'Stage 0 Defined,0,0.00,3600.00,EUR',
      'Gap,,6400.00,10000.00,EUR',
    ]);
    expect(notes.rows.find((row) => row.topic === 'Target from plan')?.note).toMatch(/^none: /);
  });
});
