import { ApiErrorAnswers } from '@tollgate/platform';

/** The error answers of the plan routes, for the OpenAPI document. */
export function PlanErrorAnswers() {
  return ApiErrorAnswers({
    notFound: 'unknown org node or plan, or the node has no plan of record',
    conflict: 'the plan is no scenario any more, or its currency would change',
    unprocessable: 'a cell given twice, a scenario without a plan of record, a promotion without rationale',
  });
}
