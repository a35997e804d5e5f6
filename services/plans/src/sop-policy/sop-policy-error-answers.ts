import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/** The error answers of the policy and resource routes, each a JSON `{ statusCode, error, message }`, for the OpenAPI document. */
export function SopPolicyErrorAnswers(notFound: string) {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'malformed body or id' }),
    ApiUnauthorizedResponse({ description: 'no token, a bad signature or an expired token' }),
    ApiForbiddenResponse({ description: 'the caller lacks the right, which the message names' }),
    ApiNotFoundResponse({ description: notFound }),
  );
}
