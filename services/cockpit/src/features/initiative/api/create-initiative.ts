import type { CreatedInitiativeView } from '@tollgate/contracts/views';
import type { InitiativeDraft } from '@tollgate/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** What defining an initiative sends: the domain's draft, its rough value left to the measures. */
export type InitiativeDraftInput = Omit<InitiativeDraft, 'roughValue'>;

/** `POST /api/initiatives`: defines the initiative at DoI 0; `key` (Idempotency-Key) makes a second click define nothing more. */
export function createInitiative(draft: InitiativeDraftInput, key: string): Promise<CreatedInitiativeView> {
  return call<CreatedInitiativeView>('initiatives', '/api/initiatives', { method: 'POST', key, body: draft });
}

/** Defines the initiative: `onAnswered` as soon as the service answers, then the program's list is read again before `onCreated`. */
export function useCreateInitiative(programId: string, onAnswered: () => void, onCreated: (created: CreatedInitiativeView) => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, key }: { draft: InitiativeDraftInput; key: string }) => createInitiative(draft, key),
    onSuccess: async (created) => {
      onAnswered();
      await queries.invalidateQueries({ queryKey: ['initiatives', programId] });
      onCreated(created);
    },
  });
}
