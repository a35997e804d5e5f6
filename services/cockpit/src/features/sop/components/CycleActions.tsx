import type { SopActionListView } from '@tollgate/contracts/views';
import { Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Problem } from '../../../lib/feedback/Refusal';
import type { Viewer } from '../../initiative/initiative-rights';
import { ActionCard } from './ActionCard';

/** What this cycle's decisions asked for, followed by the engine until done or dropped. */
export function CycleActions({ actions, me, currency }: { actions: UseQueryResult<SopActionListView>; me: Viewer; currency: string }) {
  if (actions.error) return <Problem error={actions.error} />;
  if (!actions.data || actions.data.total === 0) return null;
  return (
    <section aria-labelledby="cycle-actions">
      <Title order={2} size="h3" id="cycle-actions" mb="xs">
        Actions decided in this cycle
      </Title>
      <Stack gap="sm">
        {actions.data.actions.map((action) => (
          <ActionCard key={action.id} action={action} me={me} currency={currency} />
        ))}
        {actions.data.total > actions.data.actions.length && <Text size="sm">and {actions.data.total - actions.data.actions.length} more</Text>}
      </Stack>
    </section>
  );
}
