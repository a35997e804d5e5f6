import { useMutation, useQueryClient } from '@tanstack/react-query';

/** What a cycle's command needs: the call, then every view of the cycle read again. */
export function useCycleCommand<T>(cycleId: string, command: (input: T) => Promise<unknown>, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: command,
    onSuccess: async () => {
      onDone?.();
      await client.invalidateQueries({ queryKey: ['sop', cycleId] });
    },
  });
}
