import { Inject, Injectable } from '@nestjs/common';
import {
  figuresOverPeriods,
  periodsBetween,
  hasBaseline,
  phantomProgress,
  portfolioRealization,
  portfolioSummary,
  type LedgerPeriod,
  type Stage,
} from '@tollgate/domain';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { DataSource } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { programInSubtree, subtreeOf } from '../org-node/node-subtree';
import { OrgNodeService } from '../org-node/org-node.service';
import { PortfolioError } from './portfolio.error';
import type { PhantomProgressView, PortfolioInitiativesView, PortfolioInitiativeView, PortfolioRealizationView, PortfolioSummaryView, PortfolioValuesView } from '@tollgate/contracts/views';

/** The node and every node under it; programs among them hold the initiatives. */
const SUBTREE = subtreeOf('$1');

/** Value cells (period × stage) summed per period, every period of the range listed. */
function totalsByPeriod({ periods, rows }: { periods: string[]; rows: { period: string; planned: number; forecast: number; confirmed: number }[] }): LedgerPeriod[] {
  const byPeriod = new Map<string, LedgerPeriod>();
  for (const row of rows) {
    const sum = byPeriod.get(row.period) ?? { period: row.period, planned: 0, forecast: 0, confirmed: 0 };
    byPeriod.set(row.period, { period: row.period, planned: sum.planned + row.planned, forecast: sum.forecast + row.forecast, confirmed: sum.confirmed + row.confirmed });
  }
  return figuresOverPeriods(periods, [...byPeriod.values()]);
}

/** How many initiatives a report lists unless asked for more: the count says how many there are. */
const DEFAULT_LISTED = 50;

const IN_SUBTREE = programInSubtree('initiative.program_id');

/** One initiative of the portfolio, its value in its own currency, minor units: as the API answers it. */
export type PortfolioInitiativeRow = PortfolioInitiativeView;

interface InitiativeRecord {
  initiative_id: string;
  program_id: string;
  title: string;
  stage: number;
  status: string;
  owner_id: string;
  sponsor_id: string;
  currency: string;
  planned: string;
  forecast: string;
  confirmed: string;
  implemented_at: Date | null;
  closed_at: Date | null;
  escalation: PortfolioInitiativeRow['escalation'];
  waiting_gate: PortfolioInitiativeRow['waitingGate'];
}

function initiativeRow(record: InitiativeRecord): PortfolioInitiativeRow {
  return {
    initiativeId: record.initiative_id,
    programId: record.program_id,
    title: record.title,
    stage: Number(record.stage) as Stage,
    status: record.status,
    ownerId: record.owner_id,
    sponsorId: record.sponsor_id,
    currency: record.currency,
    planned: Number(record.planned),
    forecast: Number(record.forecast),
    confirmed: Number(record.confirmed),
    implementedAt: record.implemented_at?.toISOString() ?? null,
    closedAt: record.closed_at?.toISOString() ?? null,
    escalation: record.escalation,
    waitingGate: record.waiting_gate,
  };
}

/**
 * The portfolio under any node of the hierarchy: rolled up per stage, per
 * period, and the reports on realized value and phantom progress. Cancelled
 * initiatives promise nothing any more: they stay out of the portfolio's value.
 */
@Injectable()
export class PortfolioService {
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: OrgNodeService,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {}

  async summary(orgNodeId: string, currency: string): Promise<PortfolioSummaryView> {
    await this.nodes.get(orgNodeId); // 404 for an unknown node
    return { orgNodeId, currency, ...portfolioSummary(await this.stageFigures(orgNodeId, currency)) };
  }

  /** Count and value per stage under the node, not cancelled, in the currency: one aggregate, shared while it runs. */
  private stageFigures(orgNodeId: string, currency: string) {
    return this.shared(['stage-figures', orgNodeId, currency], () => this.aggregateStageFigures(orgNodeId, currency));
  }

  private async aggregateStageFigures(orgNodeId: string, currency: string) {
    const rows = (await this.dataSource.query(
      `${SUBTREE},
       confirmed AS (
         SELECT initiative_id, SUM(amount) AS amount FROM plans.portfolio_confirmation WHERE currency = $2 GROUP BY initiative_id
       )
       SELECT initiative.stage, COUNT(*) AS count, SUM(initiative.planned) AS planned, SUM(initiative.forecast) AS forecast,
              COALESCE(SUM(confirmed.amount), 0) AS confirmed
         FROM plans.portfolio_initiative initiative
         LEFT JOIN confirmed ON confirmed.initiative_id = initiative.initiative_id
        WHERE ${IN_SUBTREE} AND initiative.currency = $2 AND initiative.status <> 'cancelled'
        GROUP BY initiative.stage`,
      [orgNodeId, currency],
    )) as { stage: number; count: string; planned: string; forecast: string; confirmed: string }[];
    return rows.map((row) => ({
      stage: Number(row.stage) as Stage,
      count: Number(row.count),
      planned: Number(row.planned),
      forecast: Number(row.forecast),
      confirmed: Number(row.confirmed),
    }));
  }

  /**
   * Every initiative under the node, in any currency and any status (cancelled
   * ones too, so the caller sees them and decides), with the value confirmed
   * in its own currency.
   */
  async initiativesUnder(orgNodeId: string): Promise<PortfolioInitiativeRow[]> {
    await this.nodes.get(orgNodeId);
    return this.initiatives(orgNodeId);
  }

  /** Planned, forecast and confirmed value of each period from `from` to `to`, summed over the node and everything under it. */
  async valuesByPeriod(orgNodeId: string, currency: string, from: string, to: string): Promise<LedgerPeriod[]> {
    return totalsByPeriod(await this.valueCells(orgNodeId, currency, from, to));
  }

  /** Planned value per stage over the periods from `from` to `to`, and what is confirmed in them, under the node: the waterfall's steps. */
  async valueByStage(orgNodeId: string, currency: string, from: string, to: string): Promise<{ stage: number; planned: number; confirmed: number }[]> {
    const { rows } = await this.valueCells(orgNodeId, currency, from, to);
    const byStage = new Map<number, { stage: number; planned: number; confirmed: number }>();
    for (const row of rows) {
      const sum = byStage.get(row.stage) ?? { stage: row.stage, planned: 0, confirmed: 0 };
      byStage.set(row.stage, { stage: row.stage, planned: sum.planned + row.planned, confirmed: sum.confirmed + row.confirmed });
    }
    return [...byStage.values()];
  }

  /**
   * Value under the node per period and stage, in one aggregate: a period
   * range of at most 120 cells a stage. The value chart and the waterfall of
   * a page ask for the same cells at once: requests that arrive while the
   * aggregate runs share it instead of scanning the values again.
   */
  private valueCells(orgNodeId: string, currency: string, from: string, to: string) {
    return this.shared(['value-cells', orgNodeId, currency, from, to], () => this.aggregateValueCells(orgNodeId, currency, from, to));
  }

  /** One run of `work` for every request that asks for the same thing while it runs; the next request after it runs it afresh. */
  private shared<T>(key: string[], work: () => Promise<T>): Promise<T> {
    const name = key.join('\u0000');
    let running = this.running.get(name) as Promise<T> | undefined;
    if (!running) {
      running = work().finally(() => this.running.delete(name));
      this.running.set(name, running);
    }
    return running;
  }

  private async aggregateValueCells(orgNodeId: string, currency: string, from: string, to: string) {
    const range = periodsBetween(from, to);
    if ('unmet' in range) throw PortfolioError.malformedRange(range.unmet);
    await this.nodes.get(orgNodeId);
    // From the per-program totals the projection keeps: a few thousand cells however many initiatives there are.
    const rows = (await this.dataSource.query(
      `${SUBTREE}
       SELECT total.period, total.stage, SUM(total.planned) AS planned, SUM(total.forecast) AS forecast, SUM(total.confirmed) AS confirmed
         FROM plans.portfolio_value_total total
        WHERE ${programInSubtree('total.program_id')} AND total.currency = $2 AND total.period BETWEEN $3 AND $4
        GROUP BY total.period, total.stage`,
      [orgNodeId, currency, from, to],
    )) as { period: string; stage: number; planned: string; forecast: string; confirmed: string }[];
    return {
      periods: range.periods,
      rows: rows.map((row) => ({ period: row.period, stage: Number(row.stage), planned: Number(row.planned), forecast: Number(row.forecast), confirmed: Number(row.confirmed) })),
    };
  }

  async values(orgNodeId: string, currency: string, from: string, to: string, byStage = false): Promise<PortfolioValuesView> {
    const cells = await this.valueCells(orgNodeId, currency, from, to);
    const periods = totalsByPeriod(cells);
    if (!byStage) return { orgNodeId, currency, from, to, periods };
    // Each period's stages from the same cells, those holding value only.
    const stages = new Map<string, { stage: number; planned: number; forecast: number; confirmed: number }[]>();
    for (const row of cells.rows) {
      if (!stages.has(row.period)) stages.set(row.period, []);
      stages.get(row.period)!.push({ stage: row.stage, planned: row.planned, forecast: row.forecast, confirmed: row.confirmed });
    }
    return {
      orgNodeId,
      currency,
      from,
      to,
      periods: periods.map((period) => ({ ...period, byStage: (stages.get(period.period) ?? []).sort((a, b) => a.stage - b.stage) })),
    };
  }

  async initiativesOf(orgNodeId: string, currency: string, stage: number | undefined, limit = DEFAULT_LISTED): Promise<PortfolioInitiativesView> {
    await this.nodes.get(orgNodeId);
    const rows = await this.initiatives(orgNodeId, currency, stage ?? 0, stage ?? 5);
    const sorted = [...rows].sort((a, b) => b.planned - a.planned || a.initiativeId.localeCompare(b.initiativeId));
    return { orgNodeId, currency, stage: stage ?? null, total: sorted.length, initiatives: sorted.slice(0, limit) };
  }

  async realization(orgNodeId: string, currency: string, limit = DEFAULT_LISTED): Promise<PortfolioRealizationView> {
    await this.nodes.get(orgNodeId);
    // The report's totals are sums over the initiatives, so the sums per stage give the same totals without
    // reading every initiative; only the closed ones are read one by one, for the list of leaks.
    const stages = await this.stageFigures(orgNodeId, currency);
    const totals = portfolioRealization(stages.map((row) => ({ initiativeId: `stage-${row.stage}`, stage: row.stage, status: 'open', planned: row.planned, confirmed: row.confirmed })));
    const closedOnes = portfolioRealization(await this.initiatives(orgNodeId, currency, 5, 5));
    const report = { ...totals, initiatives: stages.filter((row) => hasBaseline({ stage: row.stage, status: 'open' })).reduce((count, row) => count + row.count, 0) };
    // The largest leaks first: a portfolio closes thousands, a reader weighs the worst.
    const closed = [...closedOnes.closed].sort((a, b) => b.leakage - a.leakage || a.initiativeId.localeCompare(b.initiativeId));
    return {
      orgNodeId,
      currency,
      initiatives: report.initiatives,
      baseline: report.baseline,
      confirmed: report.confirmed,
      benefitRealizationRate: report.benefitRealizationRate,
      leakage: report.leakage,
      closedTotal: closed.length,
      closed: closed.slice(0, limit).map((row) => ({
        initiativeId: row.initiativeId,
        programId: row.programId,
        title: row.title,
        ownerId: row.ownerId,
        sponsorId: row.sponsorId,
        closedAt: row.closedAt,
        baseline: row.baseline,
        confirmed: row.confirmed,
        benefitRealizationRate: row.benefitRealizationRate,
        leakage: row.leakage,
      })),
    };
  }

  async phantomProgress(orgNodeId: string, currency: string, limit = DEFAULT_LISTED, now = Date.now()): Promise<PhantomProgressView> {
    await this.nodes.get(orgNodeId);
    const { phantomUnconfirmedAfter, phantomUnconfirmedAfterMs } = this.config.portfolio;
    // Both of the rule's reasons need stage 3 or 4: no other stage is read.
    const flagged = (await this.initiatives(orgNodeId, currency, 3, 4)).flatMap((row) => {
      const reasons = phantomProgress({ ...row, implementedAt: row.implementedAt === null ? null : Date.parse(row.implementedAt) }, now, phantomUnconfirmedAfterMs);
      return reasons.length > 0 ? [{ ...row, reasons }] : [];
    });
    // The widest gap between what is promised and what is forecast or confirmed first.
    const gap = (row: (typeof flagged)[number]) => row.planned - Math.max(row.forecast, row.confirmed);
    flagged.sort((a, b) => gap(b) - gap(a) || a.initiativeId.localeCompare(b.initiativeId));
    return { orgNodeId, currency, asOf: new Date(now).toISOString(), unconfirmedAfter: phantomUnconfirmedAfter, total: flagged.length, initiatives: flagged.slice(0, limit) };
  }

  /**
   * The initiatives under the node: all of them, or those of one currency
   * that still promise value; `fromStage` leaves out the stages below it,
   * which a report's rule could not pick anyway.
   */
  private initiatives(orgNodeId: string, currency?: string, fromStage = 0, toStage = 5): Promise<PortfolioInitiativeRow[]> {
    // Two pages asking at once read the rows once.
    return this.shared(['initiatives', orgNodeId, currency ?? '*', String(fromStage), String(toStage)], () => this.readInitiatives(orgNodeId, currency, fromStage, toStage));
  }

  private async readInitiatives(orgNodeId: string, currency: string | undefined, fromStage: number, toStage: number): Promise<PortfolioInitiativeRow[]> {
    const chosen = `${IN_SUBTREE} ${currency === undefined ? '' : `AND initiative.currency = $2 AND initiative.status <> 'cancelled' AND initiative.stage BETWEEN $3 AND $4`}`;
    const records = (await this.dataSource.query(
      `${SUBTREE}
       SELECT initiative.initiative_id, initiative.program_id, initiative.title, initiative.stage, initiative.status, initiative.owner_id,
              initiative.sponsor_id, initiative.currency, initiative.planned, initiative.forecast, initiative.implemented_at, initiative.closed_at,
              initiative.escalation, initiative.waiting_gate, COALESCE(confirmed.amount, 0) AS confirmed
         FROM plans.portfolio_initiative initiative
         -- One pass over the confirmations grouped by initiative: a lookup per initiative costs more on a large portfolio.
         LEFT JOIN (
           SELECT confirmation.initiative_id, confirmation.currency, SUM(confirmation.amount) AS amount
             FROM plans.portfolio_confirmation confirmation JOIN plans.portfolio_initiative initiative USING (initiative_id)
            WHERE ${chosen}
            GROUP BY confirmation.initiative_id, confirmation.currency
         ) confirmed ON confirmed.initiative_id = initiative.initiative_id AND confirmed.currency = initiative.currency
        WHERE ${chosen}
        ORDER BY initiative.program_id, initiative.initiative_id`,
      currency === undefined ? [orgNodeId] : [orgNodeId, currency, fromStage, toStage],
    )) as InitiativeRecord[];
    return records.map(initiativeRow);
  }
}
