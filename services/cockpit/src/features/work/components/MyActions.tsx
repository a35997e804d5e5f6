import type { SopActionListView } from '@tollgate/contracts/views';
import { Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import type { Viewer } from '../../initiative/initiative-rights';
import { ActionCard } from '../../sop/components/ActionCard';
import { Failure } from './Failure';

/**
 * The actions S&OP decisions asked of the person, overdue first, each closed
 * here with its evidence; and, for a chair, the overdue actions of the cycles
 * they chair, which they may chase or drop.
 */
export function MyActions({ owed, chaired, me }: { owed: UseQueryResult<SopActionListView>; chaired: UseQueryResult<SopActionListView>; me: Viewer }) {
  const overdueChaired = (chaired.data?.actions ?? []).filter((action) => action.overdue && action.ownerId !== me.sub);
  return (
    <section aria-labelledby="my-actions">
      <Title order={2} size="h3" id="my-actions" mb="xs">
        S&OP actions
      </Title>
      {owed.error ? (
        <Failure error={owed.error} />
      ) : !owed.data ? (
        <Skeleton h={60} />
      ) : (
        <Stack gap="sm">
          {owed.data.actions.length === 0 ? (
            <Text c="dimmed">No S&OP decision waits on an action of yours.</Text>
          ) : (
            owed.data.actions.map((action) => <ActionCard key={action.id} action={action} me={me} currency={DEFAULT_CURRENCY} />)
          )}
          {overdueChaired.length > 0 && (
            <>
              <Text fw={600} c="red.9">
                Overdue in the cycles you chair
              </Text>
              {overdueChaired.map((action) => (
                <ActionCard key={action.id} action={action} me={me} currency={DEFAULT_CURRENCY} />
              ))}
            </>
          )}
        </Stack>
      )}
    </section>
  );
}
