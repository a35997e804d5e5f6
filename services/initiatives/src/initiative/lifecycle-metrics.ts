import { Injectable } from '@nestjs/common';
import type { LifecycleChange } from '@tollgate/contracts';
import type { RuleViolationKind } from '@tollgate/domain';
import { Counter, Registry } from 'prom-client';

/** What operators watch of the lifecycles: the changes projected and the commands refused. */
@Injectable()
export class LifecycleMetrics {
  private readonly changes: Counter<'action'>;
  private readonly refusals: Counter<'kind'>;

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
  }

  projected(changes: readonly LifecycleChange[]): void {
    for (const change of changes) this.changes.inc({ action: change.action });
  }

  refused(kind: RuleViolationKind): void {
    this.refusals.inc({ kind });
  }
}
