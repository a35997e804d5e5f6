import type { InitiativePageView, InitiativeSummaryView } from '@tollgate/contracts/views';
import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatMoney } from '../../../lib/format/money';
import { InitiativeLink } from '../../../lib/links/InitiativeLink';
import { ConfirmValueForm, RejectClosureForm } from '../../initiative/components/FinanceForms';
import { Failure } from './Failure';

/** The closures a controller may confirm or reject, each with its two forms. */
export function PendingClosures({ closures, confirmable, onDone }: { closures: UseQueryResult<InitiativePageView>; confirmable: InitiativeSummaryView[]; onDone: () => void }) {
  return (
    <section aria-labelledby="closures">
      <Title order={2} size="h3" id="closures" mb="xs">
        Closures awaiting your confirmation
      </Title>
      {closures.error ? (
        <Failure error={closures.error} />
      ) : !closures.data ? (
        <Skeleton h={80} />
      ) : confirmable.length === 0 ? (
        <Text c="dimmed">No closure awaits your confirmation.</Text>
      ) : (
        <Stack gap="xs">
          {confirmable.map((item) => (
            <Card key={item.id} withBorder padding="sm">
              <InitiativeLink initiative={item} />
              <Text size="sm" mb="xs">
                {formatMoney(item.plannedValue, item.currency)} planned, {formatMoney(item.confirmedValue, item.currency)} confirmed so far
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <ConfirmValueForm initiative={item} onDone={onDone} />
                <RejectClosureForm initiative={item} onDone={onDone} />
              </SimpleGrid>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
