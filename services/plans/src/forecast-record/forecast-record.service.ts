import { Injectable } from '@nestjs/common';
import type { InitiativeForecastRecordView, ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { FORECAST_HORIZONS, valueForecastAccuracy, type RecordedForecast } from '@tollgate/domain';
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
    await this.dataSource.query(
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
  }

  /** The forecasts the node's cycles recorded, judged per owner or program against the value finance confirmed for each month. */
  async accuracy(orgNodeId: string, by: 'owner' | 'program', now = Date.now()): Promise<ValueForecastAccuracyView> {
    await this.nodes.get(orgNodeId);
    const asOf = new Date(now).toISOString().slice(0, 7);
    const rows = (await this.dataSource.query(
      `SELECT recorded.${by === 'owner' ? 'owner_id' : 'program_id'} AS by, recorded.recorded_in, recorded.period, recorded.forecast,
              COALESCE((SELECT SUM(confirmation.amount) FROM plans.portfolio_confirmation confirmation
                         WHERE confirmation.initiative_id = recorded.initiative_id AND confirmation.period = recorded.period
                           AND confirmation.currency = recorded.currency), 0) AS confirmed
         FROM plans.recorded_forecast recorded
        WHERE recorded.org_node_id::text = $1 AND recorded.period < $2`,
      [orgNodeId, asOf],
    )) as { by: string; recorded_in: string; period: string; forecast: string; confirmed: string }[];
    const recorded: RecordedForecast[] = rows.map((row) => ({ by: row.by, recordedIn: row.recorded_in, period: row.period, forecast: Number(row.forecast), confirmed: Number(row.confirmed) }));
    const judged = valueForecastAccuracy(recorded, asOf);
    const names = by === 'program' ? await subjectNames(this.dataSource, judged.map((row) => row.by)) : new Map<string, string>();
    return { orgNodeId, by, asOf, horizons: [...FORECAST_HORIZONS], rows: judged.map((row) => ({ ...row, name: names.get(row.by) ?? null })) };
  }

  /** One initiative's forecasts as the reviews recorded them, month by month beside what finance confirmed, and how good they proved per horizon. */
  async ofInitiative(initiativeId: string, now = Date.now()): Promise<InitiativeForecastRecordView> {
    const asOf = new Date(now).toISOString().slice(0, 7);
    const rows = (await this.dataSource.query(
      `SELECT recorded.recorded_in, recorded.period, recorded.forecast, recorded.currency,
              COALESCE((SELECT SUM(confirmation.amount) FROM plans.portfolio_confirmation confirmation
                         WHERE confirmation.initiative_id = recorded.initiative_id AND confirmation.period = recorded.period
                           AND confirmation.currency = recorded.currency), 0) AS confirmed
         FROM plans.recorded_forecast recorded
        WHERE recorded.initiative_id = $1
        ORDER BY recorded.period, recorded.recorded_in
        LIMIT 1000`,
      [initiativeId],
    )) as { recorded_in: string; period: string; forecast: string; currency: string; confirmed: string }[];
    const recorded = rows.map((row) => ({ recordedIn: row.recorded_in, period: row.period, forecast: Number(row.forecast), confirmed: Number(row.confirmed), judged: row.period < asOf }));
    const accuracy = valueForecastAccuracy(
      recorded.map((row) => ({ by: initiativeId, ...row })),
      asOf,
    ).map(({ horizon, mape, wmape, bias, periods }) => ({ horizon, mape, wmape, bias, periods }));
    return { initiativeId, asOf, currency: rows[0]?.currency ?? null, recorded, accuracy };
  }
}
