import { familyVolumesByPeriod, offPlan } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { OffPlanService } from '../../services/plans/src/off-plan/off-plan.service';
import { RunningService, startService } from '../support/running-service';
import { report } from './bench-report';

const NODES = Number(process.env.BENCH_SOP_NODES ?? 1000);
const PERIODS = Number(process.env.BENCH_SOP_PERIODS ?? 24);
const FAMILIES = Number(process.env.BENCH_SOP_FAMILIES ?? 21);
const POLICY = { value: { absolute: 10_000, percent: 0.05 }, volume: { absolute: 100, percent: 0.05 }, unconfirmedAfterMs: 30 * 86_400_000, gateDecisionWithinMs: 10 * 86_400_000 };

const periodOf = (index: number) => `2027-${String((index % 12) + 1).padStart(2, '0')}`.replace('2027', String(2027 + Math.floor(index / 12)));

/** Demand drifts around capacity, so that about one family in five is short beyond the thresholds. */
const demandOf = (node: number, family: number, period: number) => 1000 + ((node * 7919 + family * 104_729 + period * 1_299_709) % 400) - 150;

// Exception computation over a million plan cells (NODES × PERIODS × FAMILIES
// × demand and capacity): first the domain's rules alone, with the cells in
// memory; then the plans service's own path (policy, plan of record read from
// PostgreSQL, portfolio value, the rules) for every node in one period.
describe('benchmark: S&OP exceptions over a million plan cells', () => {
  let plans: RunningService;
  const nodeIds = Array.from({ length: NODES }, () => randomUUID());
  const runId = randomUUID().slice(0, 8);

  beforeAll(async () => {
    plans = await startService('plans', { TOLLGATE_LOG_LEVEL: 'error' });
    await plans.ready();
  });

  afterAll(async () => {
    await plans?.dataSource.query(`DELETE FROM plans.plan_cell WHERE plan_id IN (SELECT id FROM plans.plan WHERE org_node_id = ANY($1::uuid[]))`, [nodeIds]);
    await plans?.dataSource.query(`DELETE FROM plans.plan WHERE org_node_id = ANY($1::uuid[])`, [nodeIds]);
    await plans?.dataSource.query(`DELETE FROM plans.org_node WHERE id = ANY($1::uuid[])`, [nodeIds]);
    await plans?.close();
  });

  it('prints the time to compute them', async () => {
    const cellsPerNode = PERIODS * FAMILIES * 2;
    const totalCells = NODES * cellsPerNode;

    const built = Date.now();
    const plansInMemory = nodeIds.map((orgNodeId, node) => {
      const cells: { line: string; family: string; period: string; amount: number }[] = [];
      for (let period = 0; period < PERIODS; period += 1) {
        for (let family = 0; family < FAMILIES; family += 1) {
          cells.push({ line: 'demand', family: `family-${family}`, period: periodOf(period), amount: demandOf(node, family, period) });
          cells.push({ line: 'capacity', family: `family-${family}`, period: periodOf(period), amount: 1000 });
        }
      }
      return { orgNodeId, cells };
    });
    const buildMs = Date.now() - built;

    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    let exceptions = 0;
    for (const { orgNodeId, cells } of plansInMemory) {
      for (const [period, families] of familyVolumesByPeriod(cells)) {
        exceptions += offPlan(
          {
            orgNodeId,
            period,
            value: { planned: 1_000_000, forecast: 900_000, target: 1_000_000 },
            yearToDate: { from: `${period.slice(0, 4)}-01`, planned: 1_000_000, forecast: 900_000, target: 1_000_000 },
            families,
            initiatives: [],
            overdueActions: [],
            earlierCycles: [],
          },
          POLICY,
          'planner',
          Date.now(),
        ).length;
      }
    }
    const rulesMs = Number(process.hrtime.bigint() - started) / 1e6;
    const heapAfter = process.memoryUsage().heapUsed;

    // The same cells as plans of record in PostgreSQL, one per node.
    const loaded = Date.now();
    await plans.dataSource.query(
      `INSERT INTO plans.org_node (id, name, name_key, kind, parent_id, parent_key, created_by, created_at)
       SELECT id, 'Bench ' || $2 || ' ' || ordinality, 'bench ' || $2 || ' ' || ordinality, 'organization', NULL, '-', 'bench', now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS node(id, ordinality)`,
      [nodeIds, runId],
    );
    await plans.dataSource.query(
      `INSERT INTO plans.plan (id, org_node_id, name, kind, based_on_plan_id, currency, created_by, created_at)
       SELECT gen_random_uuid(), id, 'Bench plan', 'record', NULL, 'EUR', 'bench', now() FROM unnest($1::uuid[]) AS node(id)`,
      [nodeIds],
    );
    await plans.dataSource.query(
      `INSERT INTO plans.plan_cell (plan_id, line, family, period, amount)
       SELECT plan.id, line.name, 'family-' || family, to_char(date '2027-01-01' + make_interval(months => period), 'YYYY-MM'),
              CASE WHEN line.name = 'capacity' THEN 1000
                   ELSE 850 + ((node.ordinality - 1) * 7919 + family * 104729 + period * 1299709) % 400 END
         FROM unnest($1::uuid[]) WITH ORDINALITY AS node(id, ordinality)
         JOIN plans.plan plan ON plan.org_node_id = node.id
         CROSS JOIN generate_series(0, $2 - 1) AS period
         CROSS JOIN generate_series(0, $3 - 1) AS family
         CROSS JOIN (VALUES ('demand'), ('capacity')) AS line(name)`,
      [nodeIds, PERIODS, FAMILIES],
    );
    const loadMs = Date.now() - loaded;

    const finder = plans.app.get(OffPlanService);
    const serviceStarted = process.hrtime.bigint();
    let serviceExceptions = 0;
    for (const orgNodeId of nodeIds) serviceExceptions += (await finder.find(orgNodeId, periodOf(0))).exceptions.length;
    const serviceMs = Number(process.hrtime.bigint() - serviceStarted) / 1e6;

    report(`S&OP exceptions over ${totalCells.toLocaleString('en')} plan cells (${NODES} nodes × ${PERIODS} periods × ${FAMILIES} families × demand and capacity)`, [
      ['cells built in memory (ms)', buildMs],
      ['rules over every node and period (ms)', rulesMs.toFixed(0)],
      ['cells per second (rules)', Math.round(totalCells / (rulesMs / 1000)).toLocaleString('en')],
      ['exceptions found', exceptions],
      ['heap growth during the rules (MiB)', ((heapAfter - heapBefore) / 2 ** 20).toFixed(1)],
      ['cells written to PostgreSQL (ms)', loadMs],
      [`service path: ${NODES} nodes, one period (ms)`, serviceMs.toFixed(0)],
      ['service path per node (ms)', (serviceMs / NODES).toFixed(1)],
      ['exceptions found by the service', serviceExceptions],
    ]);
    expect(exceptions).toBeGreaterThan(0);
    expect(serviceExceptions).toBeGreaterThan(0);
  });
});
