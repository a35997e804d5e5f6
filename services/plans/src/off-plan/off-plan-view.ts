import type { OffPlanExceptionView } from '@tollgate/contracts/views';
import type { SopException } from '@tollgate/domain';
import { subjectId, subjectName } from '../sop-cycle/subject-names';

/** An exception as the API shows it, wherever it is listed: its subject by name, figures, owner and value at risk. */
export function exceptionView(exception: SopException, names: ReadonlyMap<string, string>): OffPlanExceptionView {
  return {
    kind: exception.kind,
    subject: exception.subject,
    subjectName: subjectName(exception.subject, names),
    period: exception.period,
    reference: exception.reference,
    actual: exception.actual,
    deviation: exception.deviation,
    ownerId: exception.owner,
    valueAtRisk: exception.valueAtRisk,
    figures: exception.figures,
  };
}

/** The ids a list of exceptions names, for looking their names up once. */
export function exceptionSubjects(exceptions: readonly Pick<SopException, 'subject'>[]): string[] {
  return [...new Set(exceptions.map((exception) => subjectId(exception.subject)))];
}
