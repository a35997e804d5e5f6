import { Injectable } from '@nestjs/common';
import type { InitiativeForecastRecordView, ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { FORECAST_HORIZONS, valueForecastAccuracy, type RecordedForecast } from '@tollgate/domain';
import type { ForecastJudgedBy } from '@tollgate/contracts/views';
import { DataSource } from 'typeorm';
import { programInSubtree, subtreeOf } from '../org-node/node-subtree';
import { OrgNodeService } from '../org-node/org-node.service';
import { subjectNames } from '../sop-cycle/subject-names';

/** How many months ahead a cycle records: the farthest horizon judged. */
const RECORDED_MONTHS = Math.max(...FORECAST_HORIZONS);


/**
 * Value forecasts as each S&OP cycle found them, and how good they proved:
 * pre-S&OP records every open initiative's forecast for its month and the
 * months ahead; once finance has confirmed value for those months, each
 * owner's (or program's) forecasts are judged against it.
 */
@Injectable()
export class ForecastRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: OrgNodeService,
  ) {}

  /** Records the forecasts of the initiatives under the node for the cycle's month and the months ahead; a second call records nothing new. */
  async record(cycleId: string, orgNodeId: string, period: string): Promise<void> {
    // One snapshot for both: each measure's shares add up to the initiative's recorded forecast, whatever changes meanwhile.
    await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query(
        `${subtreeOf('$1::uuid')}
         INSERT INTO plans.recorded_forecast (cycle_id, initiative_id, period, org_node_id, recorded_in, owner_id, program_id, currency, forecast)
         SELECT $2::text, initiative.initiative_id, value.period, $1::uuid, $3::text, initiative.owner_id, initiative.program_id, initiative.currency, value.forecast
           FROM plans.portfolio_initiative initiative
           JOIN plans.portfolio_period_value value ON value.initiative_id = initiative.initiative_id
          WHERE ${programInSubtree('initiative.program_id')}
            AND initiative.stage < 5 AND initiative.status NOT IN ('cancelled', 'closed')
            AND value.period >= $3::text AND value.period <= to_char(to_date($3::text, 'YYYY-MM') + make_interval(months => $4::int), 'YYYY-MM')
         ON CONFLICT DO NOTHING`,
        [orgNodeId, cycleId, period, RECORDED_MONTHS],
      );
      // Each measure's share of those forecasts, as the portfolio holds the measures now.
      await manager.query(
        `${subtreeOf('$1::uuid')}
         INSERT INTO plans.recorded_measure_forecast (cycle_id, initiative_id, period, measure_id, name, forecast)
         SELECT $2::text, initiative.initiative_id, value.period, measure.measure_id, measure.name, value.amount
           FROM plans.portfolio_initiative initiative
           JOIN plans.portfolio_measure measure ON measure.initiative_id = initiative.initiative_id
           CROSS JOIN LATERAL jsonb_to_recordset(measure.forecast_values) AS value(period text, amount bigint)
          WHERE ${programInSubtree('initiative.program_id')}
            AND initiative.stage < 5 AND initiative.status NOT IN ('cancelled', 'closed')
            AND value.period >= $3::text AND value.period <= to_char(to_date($3::text, 'YYYY-MM') + make_interval(months => $4::int), 'YYYY-MM')
         ON CONFLICT DO NOTHING`,
        [orgNodeId, cycleId, period, RECORDED_MONTHS],
      );
    });
  }

  /** The forecasts the node's cycles recorded, judged per owner, program or business unit against the value finance confirmed for each month. */
  async accuracy(orgNodeId: string, by: ForecastJudgedBy, now = Date.now()): Promise<ValueForecastAccuracyView> {
    await this.nodes.get(orgNodeId);
    const asOf = new Date(now).toISOString().slice(0, 7);
    const rows = (await this.dataSource.query(
      `SELECT recorded.owner_id, recorded.program_id, recorded.recorded_in, recorded.period, recorded.forecast,
              COALESCE((SELECT SUM(confirmation.amount) FROM plans.portfolio_confirmation confirmation
                         WHERE confirmation.initiative_id = recorded.initiative_id AND confirmation.period = recorded.period
                           AND confirmation.currency = recorded.currency), 0) AS confirmed
         FROM plans.recorded_forecast recorded
        WHERE recorded.org_node_id::text = $1 AND recorded.period < $2`,
      [orgNodeId, asOf],
    )) as { owner_id: string; program_id: string; recorded_in: string; period: string; forecast: string; confirmed: string }[];
    const units = by === 'unit' ? await unitsOfPrograms(this.dataSource, rows.map((row) => row.program_id)) : new Map<string, string>();
    const judgedBy = (row: (typeof rows)[number]) => (by === 'owner' ? row.owner_id : by === 'program' ? row.program_id : (units.get(row.program_id) ?? row.program_id));
    const recorded: RecordedForecast[] = rows.map((row) => ({ by: judgedBy(row), recordedIn: row.recorded_in, period: row.period, forecast: Number(row.forecast), confirmed: Number(row.confirmed) }));
    const judged = valueForecastAccuracy(recorded, asOf);
    const names = by === 'owner' ? new Map<string, string>() : await subjectNames(this.dataSource, judged.map((row) => row.by));
    return { orgNodeId, by, asOf, horizons: [...FORECAST_HORIZONS], rows: judged.map((row) => ({ ...row, name: names.get(row.by) ?? null })) };
  }

  /** One initiative's forecasts as the reviews recorded them, month by month beside what finance confirmed, and how good they proved per horizon. */
  async ofInitiative(initiativeId: string, now = Date.now()): Promise<InitiativeForecastRecordView> {
    const asOf = new Date(now).toISOString().slice(0, 7);
    const [rows, measureRows] = await Promise.all([
      this.dataSource.query(
        `SELECT recorded.cycle_id, recorded.recorded_in, recorded.period, recorded.forecast, recorded.currency,
                COALESCE((SELECT SUM(confirmation.amount) FROM plans.portfolio_confirmation confirmation
                           WHERE confirmation.initiative_id = recorded.initiative_id AND confirmation.period = recorded.period
                             AND confirmation.currency = recorded.currency), 0) AS confirmed
           FROM plans.recorded_forecast recorded
          WHERE recorded.initiative_id = $1
          ORDER BY recorded.period, recorded.recorded_in
          LIMIT 1000`,
        [initiativeId],
      ) as Promise<{ cycle_id: string; recorded_in: string; period: string; forecast: string; currency: string; confirmed: string }[]>,
      this.dataSource.query(
        `SELECT cycle_id, period, measure_id, name, forecast FROM plans.recorded_measure_forecast
          WHERE initiative_id = $1 ORDER BY period, cycle_id, name, measure_id LIMIT 5000`,
        [initiativeId],
      ) as Promise<{ cycle_id: string; period: string; measure_id: string; name: string; forecast: string }[]>,
    ]);
    const byMeasure = new Map<string, { measureId: string; name: string; forecast: number }[]>();
    for (const row of measureRows) {
      const key = `${row.cycle_id}\u0000${row.period}`;
      byMeasure.set(key, [...(byMeasure.get(key) ?? []), { measureId: row.measure_id, name: row.name, forecast: Number(row.forecast) }]);
    }
    const recorded = rows.map((row) => ({
      recordedIn: row.recorded_in,
      period: row.period,
      forecast: Number(row.forecast),
      confirmed: Number(row.confirmed),
      judged: row.period < asOf,
      measures: byMeasure.get(`${row.cycle_id}\u0000${row.period}`) ?? [],
    }));
    const accuracy = valueForecastAccuracy(
      recorded.map((row) => ({ by: initiativeId, ...row })),
      asOf,
    ).map(({ horizon, mape, wmape, bias, periods }) => ({ horizon, mape, wmape, bias, periods }));
    return { initiativeId, asOf, currency: rows[0]?.currency ?? null, recorded, accuracy };
  }
}

/**
 * The business unit each program is judged under: its nearest ancestor of
 * that kind, or, where there is none, the top of its hierarchy.
 */
async function unitsOfPrograms(dataSource: DataSource, programIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(programIds)];
  if (ids.length === 0) return new Map();
  const rows = (await dataSource.query(
    `WITH RECURSIVE lineage AS (
       SELECT node.id AS program_id, node.id, node.parent_id, node.kind, 0 AS depth FROM plans.org_node node WHERE node.id::text = ANY($1)
       UNION ALL
       SELECT lineage.program_id, parent.id, parent.parent_id, parent.kind, lineage.depth + 1
         FROM plans.org_node parent JOIN lineage ON parent.id = lineage.parent_id
        WHERE lineage.kind <> 'business_unit'
     )
     SELECT DISTINCT ON (program_id) program_id::text AS program_id, id::text AS unit_id
       FROM lineage ORDER BY program_id, (kind = 'business_unit') DESC, depth DESC`,
    [ids],
  )) as { program_id: string; unit_id: string }[];
  return new Map(rows.map((row) => [row.program_id, row.unit_id]));
}
