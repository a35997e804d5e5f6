import { SOP_EXCEPTION_WORDS, type SopExceptionKind } from '@tollgate/domain';

/** An exception's kind in a paper, capitalised: "The forecast under target". */
export function exceptionName(kind: string): string {
  const words = (SOP_EXCEPTION_WORDS as Record<string, string>)[kind as SopExceptionKind] ?? kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
