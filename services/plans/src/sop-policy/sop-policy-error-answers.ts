import { ApiErrorAnswers } from '@tollgate/platform';

/** The error answers of the policy and resource routes, for the OpenAPI document. */
export function SopPolicyErrorAnswers(notFound: string) {
  return ApiErrorAnswers({ notFound });
}
