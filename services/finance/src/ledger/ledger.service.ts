import { BadRequestException, Injectable } from '@nestjs/common';
import { ledgerPeriods, realizationFigures, rollUpRealization } from '@tollgate/domain';
import { Between, DataSource, FindOptionsWhere, In } from 'typeorm';
import { Confirmation } from '../confirmation/confirmation.entity';
import { ConfirmationError } from '../confirmation/confirmation.error';
import { LedgerInitiative } from './ledger-initiative.entity';
import { MeasureValue } from './measure-value.entity';
import type { InitiativeLedgerView } from '@tollgate/contracts/views';

export interface LedgerExportRow extends Record<string, string | number> {
  initiativeId: string;
  code: string;
  programId: string;
  currency: string;
  period: string;
  planned: number;
  forecast: number;
  confirmed: number;
}

/** The ledger's reads: one initiative, an export across initiatives, realization figures. */
@Injectable()
export class LedgerService {
  constructor(private readonly dataSource: DataSource) {}

  async ledgerOf(initiativeId: string): Promise<InitiativeLedgerView> {
    const initiative = await this.dataSource.getRepository(LedgerInitiative).findOneBy({ initiativeId });
    if (!initiative) throw ConfirmationError.unknownInitiative(initiativeId);
    const [values, confirmations] = await Promise.all([
      this.dataSource.getRepository(MeasureValue).findBy({ initiativeId }),
      this.dataSource.getRepository(Confirmation).findBy({ initiativeId }),
    ]);
    const { periods, totals } = ledgerPeriods(values, confirmations);
    return {
      initiativeId,
      code: initiative.code,
      currency: initiative.currency,
      stage: initiative.stage,
      closure: { state: initiative.closureState },
      baselineFrozen: initiative.baselineFrozen,
      periods,
      totals,
      realization: this.figures(initiative, totals.planned, totals.confirmed),
    };
  }

  async export(from: string, to: string, programId?: string): Promise<LedgerExportRow[]> {
    if (from > to) throw new BadRequestException('from must not be after to');
    const where: FindOptionsWhere<LedgerInitiative> = programId ? { programId } : {};
    const initiatives = await this.dataSource.getRepository(LedgerInitiative).find({ where, order: { code: 'ASC' } });
    const ids = initiatives.map((initiative) => initiative.initiativeId);
    if (ids.length === 0) return [];
    const [values, confirmations] = await Promise.all([
      this.dataSource.getRepository(MeasureValue).findBy({ initiativeId: In(ids), period: Between(from, to) }),
      this.dataSource.getRepository(Confirmation).findBy({ initiativeId: In(ids), period: Between(from, to) }),
    ]);
    return initiatives.flatMap((initiative) =>
      ledgerPeriods(
        values.filter((value) => value.initiativeId === initiative.initiativeId),
        confirmations.filter((confirmation) => confirmation.initiativeId === initiative.initiativeId),
      ).periods.map((period) => ({
        initiativeId: initiative.initiativeId,
        code: initiative.code,
        programId: initiative.programId,
        currency: initiative.currency,
        ...period,
      })),
    );
  }

  /** Per initiative and rolled up per currency: amounts in different currencies never add up. */
  async realization(programId?: string) {
    const where: FindOptionsWhere<LedgerInitiative> = programId ? { programId } : {};
    const initiatives = await this.dataSource.getRepository(LedgerInitiative).find({ where, order: { code: 'ASC' } });
    const ids = initiatives.map((initiative) => initiative.initiativeId);
    const sums = async (table: string, column: string) =>
      ids.length === 0
        ? new Map<string, number>()
        : new Map(
            ((await this.dataSource.query(`SELECT initiative_id AS id, SUM(${column})::bigint AS total FROM finance.${table} WHERE initiative_id = ANY($1) GROUP BY initiative_id`, [ids])) as {
              id: string;
              total: string;
            }[]).map((row) => [row.id, Number(row.total)]),
          );
    const [planned, confirmed] = await Promise.all([sums('measure_value', 'planned'), sums('confirmation', 'amount')]);
    const items = initiatives.map((initiative) => ({
      initiativeId: initiative.initiativeId,
      code: initiative.code,
      programId: initiative.programId,
      currency: initiative.currency,
      stage: initiative.stage,
      closure: { state: initiative.closureState },
      ...this.figures(initiative, planned.get(initiative.initiativeId) ?? 0, confirmed.get(initiative.initiativeId) ?? 0),
    }));
    const currencies = [...new Set(items.map((item) => item.currency))].sort();
    return {
      programId: programId ?? null,
      totals: currencies.map((currency) => ({ currency, ...rollUpRealization(items.filter((item) => item.currency === currency)) })),
      initiatives: items,
    };
  }

  private figures(initiative: LedgerInitiative, baseline: number, confirmed: number) {
    return realizationFigures({
      baseline,
      confirmed,
      closed: initiative.closureState === 'closed',
      closurePending: initiative.closureState === 'pending_confirmation',
    });
  }
}
