import { Injectable } from '@nestjs/common';
import type { LifecycleChange } from '@tollgate/contracts';
import type { RuleViolationKind } from '@tollgate/domain';
import { Counter, Registry } from 'prom-client';

/** What operators watch of the lifecycles: the changes projected and the commands refused. */
@Injectable()
export class LifecycleMetrics {
  private readonly changes: Counter<'action'>;
  private readonly refusals: Counter<'kind'>;
  private readonly projectionFailures: Counter;

  constructor(registry: Registry) {
    this.changes = new Counter({
      name: 'tollgate_initiative_changes_total',
      help: 'Lifecycle changes projected, by action (stage_changed, milestone_escalated, closed, ...)',
      labelNames: ['action'],
      registers: [registry],
    });
    this.refusals = new Counter({
      name: 'tollgate_initiative_refusals_total',
      help: 'Lifecycle commands the workflow refused, by kind (forbidden, conflict, unprocessable, not_found)',
      labelNames: ['kind'],
      registers: [registry],
    });
    this.projectionFailures = new Counter({
      name: 'tollgate_projection_failures_total',
      help: 'Lifecycle changes the database refused for good; each is listed at /api/projection-failures',
      registers: [registry],
    });
  }

  projectionRefused(): void {
    this.projectionFailures.inc();
  }

  projected(changes: readonly LifecycleChange[]): void {
    for (const change of changes) this.changes.inc({ action: change.action });
  }

  refused(kind: RuleViolationKind): void {
    this.refusals.inc({ kind });
  }
}
