import { DomainError } from '@tollgate/platform';

export enum SopPolicyErrorCode {
  UnknownInitiativeResource = 'unknown_initiative_resource',
}

/** The one exception of S&OP policies and initiative resources (an unknown node answers as the org hierarchy does). */
export class SopPolicyError extends DomainError {
  static unknownInitiativeResource(initiativeId: string): SopPolicyError {
    return new SopPolicyError(SopPolicyErrorCode.UnknownInitiativeResource, 'not_found', `no resources recorded for initiative ${initiativeId}`);
  }
}
