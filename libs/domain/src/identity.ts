import { textProblem } from './storable-text';

/** The longest identity the records keep (a token's subject, a person named as owner): their columns hold 200. */
export const IDENTITY_MAX_LENGTH = 200;

// Characters that show as nothing or turn the text around: two identities that differ only by them
// look the same on every page and in every audit entry.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why an identity cannot be recorded as it stands, or null. One rule for the edge and the columns: at
 * most IDENTITY_MAX_LENGTH characters, storable, no control, invisible or direction-changing
 * characters, no spaces around it, and in Unicode normal form C, so that what the audit trail records
 * is the identity a person reads.
 */
export function identityProblem(identity: string): string | null {
  if (identity.trim().length === 0) return 'is empty';
  if (identity.length > IDENTITY_MAX_LENGTH) return `is longer than ${IDENTITY_MAX_LENGTH} characters`;
  const unstorable = textProblem(identity);
  if (unstorable) return unstorable;
  if (CONTROL.test(identity)) return 'contains a control character';
  if (INVISIBLE.test(identity)) return 'contains an invisible or direction-changing character';
  if (identity.trim() !== identity) return 'has spaces around it';
  if (identity.normalize('NFC') !== identity) return 'is not in Unicode normal form C';
  return null;
}
