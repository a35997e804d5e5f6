import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An initiative's value forecast for one month, as a cycle's pre-S&OP found it: kept, since the live forecast is overwritten at each change. */
@Entity({ name: 'recorded_forecast' })
@Index('recorded_forecast_node_idx', ['orgNodeId', 'period'])
export class RecordedForecastRecord {
  @PrimaryColumn({ name: 'cycle_id', type: 'varchar', length: 300, primaryKeyConstraintName: 'recorded_forecast_pkey' })
  cycleId!: string;

  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'recorded_forecast_pkey' })
  initiativeId!: string;

  @PrimaryColumn({ type: 'char', length: 7, primaryKeyConstraintName: 'recorded_forecast_pkey' })
  period!: string;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  /** The month of the cycle that recorded it. */
  @Column({ name: 'recorded_in', type: 'char', length: 7 })
  recordedIn!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ name: 'program_id', type: 'varchar', length: 200 })
  programId!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;
}
