import type { OffPlanView } from '@tollgate/contracts/views';
import { offPlanSheets } from './off-plan-export';

const exception = (overrides: Partial<OffPlanView['exceptions'][number]>): OffPlanView['exceptions'][number] => ({
  kind: 'forecast_below_target',
  subject: 'n',
  subjectName: 'Acme',
  period: '2027-03',
  reference: 90_000_000,
  actual: 0,
  deviation: -90_000_000,
  ownerId: 'pat',
  valueAtRisk: 90_000_000,
  figures: {},
  ...overrides,
});

describe('what is off plan, as a file', () => {
  it('lists the exceptions in their order, with owner, value at risk, figures in words and recurrence', () => {
    const view: OffPlanView = {
      orgNodeId: 'n',
      period: '2027-03',
      currency: 'EUR',
      asOf: '2027-03-20T00:00:00.000Z',
      total: 3,
      exceptions: [
        exception({}),
        exception({
          kind: 'gate_request_waiting',
          subject: 'i1',
          subjectName: 'Cross-dock',
          ownerId: 'sam',
          valueAtRisk: 45_000_000,
          figures: { gateRequest: { gateRequestId: 'g1', targetStage: 3, submittedAt: '2027-03-01T09:00:00.000Z', daysWaiting: 19, keys: [['sponsor'], ['controller']] }, recurrence: { cycles: 2, mitigationFailed: true } },
        }),
        exception({ kind: 'demand_exceeds_capacity', subject: 'n/Chilled', subjectName: 'Chilled at Acme', reference: 12_600, actual: 15_000, deviation: 2_400, valueAtRisk: null }),
      ],
    };
    const [table, notes] = offPlanSheets(view, 'Acme', '2027-03-20T10:00:00.000Z');
    expect(table.rows.map((row) => [row.rank, row.kind, row.subject, row.owner, row.valueAtRisk, row.figures, row.cycles, row.mitigationFailed])).toEqual([
      [1, 'the forecast under target', 'Acme', 'pat', 90_000_000, 'target EUR 900,000.00, forecast EUR 0.00', 1, 'no'],
      [2, 'the gate request waiting for its keys', 'Cross-dock', 'sam', 45_000_000, 'gate to DoI 3 asked 2027-03-01, 19 days waiting for the sponsor, and the controller', 2, 'yes'],
      [3, 'demand beyond capacity', 'Chilled at Acme', 'pat', null, 'capacity 12600, demand 15000 (volumes)', 1, 'no'],
    ]);
    expect(table.rows.every((row) => row.currency === 'EUR')).toBe(true);
    expect(notes.rows).toContainEqual({ topic: 'Month', note: '2027-03' });
  });
});
