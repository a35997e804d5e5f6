import { Injectable } from '@nestjs/common';
import type { SopActionActivities } from '@tollgate/contracts';
import type { ActivityProvider } from '@tollgate/temporal';
import { SopActionProjection } from './sop-action-projection.service';

/** The plans service's side of an action's workflow: its projection. */
@Injectable()
export class SopActionActivitiesService implements ActivityProvider {
  constructor(private readonly projection: SopActionProjection) {}

  activities(): SopActionActivities {
    return { projectSopAction: (input) => this.projection.project(input.state, input.changes) };
  }
}
