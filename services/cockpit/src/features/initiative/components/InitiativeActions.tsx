import type { SopActionListView } from '@tollgate/contracts/views';
import { Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ActionCard } from '../../sop/components/ActionCard';
import type { Viewer } from '../initiative-rights';

/** What the S&OP reviews asked of this initiative: the actions that answer its exceptions (escalated, a gate waiting, phantom progress), and what became of them. */
export function InitiativeActions({ actions, me, currency }: { actions: UseQueryResult<SopActionListView>; me: Viewer; currency: string }) {
  const listed = actions.data?.actions ?? [];
  if (listed.length === 0) return null;
  return (
    <section aria-labelledby="initiative-actions">
      <Title order={2} size="h4" id="initiative-actions" mb="xs">
        Asked by the S&OP review
      </Title>
      <Stack gap="sm">
        {listed.map((action) => (
          <ActionCard key={action.id} action={action} me={me} currency={currency} />
        ))}
        {actions.data && actions.data.total > listed.length && <Text size="sm">and {actions.data.total - listed.length} more</Text>}
      </Stack>
    </section>
  );
}
