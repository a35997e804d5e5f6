import { csvOf, type SheetTable } from '@tollgate/spreadsheets';
import { planFileName, planSheets } from './plan-export';
import type { PlanView } from './plan-view';

const csv = (table: SheetTable) => csvOf(table).toString('utf8').trim().split('\r\n');

const plan: PlanView = {
  id: 'plan-1',
  orgNodeId: 'node-1',
  name: 'Second shift',
  kind: 'scenario',
  currency: 'USD',
  basedOnPlanId: 'plan-0',
  createdBy: 'alice',
  createdAt: '2027-01-05T10:00:00.000Z',
  promotion: null,
  targets: [
    { period: '2027-01', amount: 1_000_000 },
    { period: '2027-02', amount: 1_300_050 },
  ],
  demand: [
    { family: 'cargo bikes', period: '2027-01', volume: 40 },
    { family: 'e-bikes', period: '2027-01', volume: 110 },
  ],
  capacity: [{ family: 'e-bikes', period: '2027-01', volume: 150 }],
};

describe('plan export', () => {
  it('has the targets in major units of the plan currency, and demand and capacity in units per family', () => {
    const [targets, demand, capacity, notes] = planSheets(plan, '2027-04-02T08:00:00.000Z');
    expect(csv(targets)).toEqual(['Period,Target,Currency', '2027-01,10000.00,USD', '2027-02,13000.50,USD']);
    expect(csv(demand)).toEqual(['Family,Period,Demand', 'cargo bikes,2027-01,40', 'e-bikes,2027-01,110']);
    expect(csv(capacity)).toEqual(['Family,Period,Capacity', 'e-bikes,2027-01,150']);
    expect(notes.rows).toEqual(
      expect.arrayContaining([
        { topic: 'Export', note: 'Plan: scenario' },
        { topic: 'Copied from plan', note: 'plan-0' },
      ]),
    );
    // No promotion: no lines about one.
    expect(notes.rows.map((row) => row.topic)).not.toContain('Promoted by');
  });

  it('names the file for the plan of record, or for the scenario by its name', () => {
    expect(planFileName({ kind: 'record', name: 'Plan of record' })).toBe('plan of record');
    expect(planFileName({ kind: 'scenario', name: 'Second shift' })).toBe('scenario-Second shift');
  });
});
