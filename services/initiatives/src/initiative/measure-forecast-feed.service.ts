import { Injectable, OnModuleInit } from '@nestjs/common';
import { feedNodeProblem } from '@tollgate/domain';
import { UnprocessableEventError } from '@tollgate/messaging';
import { FeedIntake } from '@tollgate/feeds';
import { DomainError } from '@tollgate/platform';
import { ProgramDirectory } from '../program/program-directory.service';
import { InitiativeService } from './initiative.service';

/**
 * The measure-forecast feed: a planning system's forecast per measure and
 * period, taken only from a source registered for the initiative's program
 * (the program or a node above it) and recorded in the audit trail under the
 * source. The lifecycle checks it like the owner's own forecast; what it
 * refuses goes to the dead-letter topic with its reason.
 */
@Injectable()
export class MeasureForecastFeed implements OnModuleInit {
  constructor(
    private readonly intake: FeedIntake,
    private readonly initiatives: InitiativeService,
    private readonly programs: ProgramDirectory,
  ) {}

  onModuleInit(): void {
    this.intake.open('initiative.measure-forecast', {
      apply: async (event, source) => {
        const { initiativeId, forecasts } = event.data;
        if (event.subject !== initiativeId) throw new UnprocessableEventError(`invalid data: the subject ${event.subject.slice(0, 100)} is not the initiative ${initiativeId}`);
        const programId = await this.initiatives.programOf(initiativeId).catch((error: unknown) => {
          if (error instanceof DomainError && error.kind === 'not_found') throw new UnprocessableEventError(`unknown initiative: ${initiativeId} does not exist`);
          throw error;
        });
        const scope = feedNodeProblem(source, programId, await this.programs.lineage(programId));
        if (scope) throw new UnprocessableEventError(`${scope} (the program of initiative ${initiativeId})`);
        try {
          await this.initiatives.updateForecastFromFeed(source.name, [programId], initiativeId, forecasts, event.id);
        } catch (error) {
          // The lifecycle's refusal is final for this message; Temporal out of reach is not, and is tried again.
          if (error instanceof DomainError && error.kind !== 'unavailable') throw new UnprocessableEventError(`refused: ${error.code}: ${error.message}`);
          throw error;
        }
      },
    });
  }
}
