import type { InitiativePageView, InitiativeSummaryView } from '@tollgate/contracts/views';
import { Badge, Skeleton, Stack, Table, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { STAGES } from '@tollgate/domain';
import { formatMoney } from '../../../lib/format/money';
import { InitiativeLink } from '../../../lib/links/InitiativeLink';
import { Failure } from './Failure';

const ESCALATION_AUDIENCES: Record<number, string> = { 1: 'you, for a mitigation', 2: 'the sponsor', 3: 'the steering committee' };

/** An owner's initiatives: first those with a late milestone, by how far the escalation has reached, then every one. */
export function OwnedInitiatives({ owned, attention }: { owned: UseQueryResult<InitiativePageView>; attention: InitiativeSummaryView[] }) {
  return (
    <section aria-labelledby="owned">
      <Title order={2} size="h3" id="owned" mb="xs">
        Your initiatives
      </Title>
      {owned.error ? (
        <Failure error={owned.error} />
      ) : !owned.data ? (
        <Skeleton h={80} />
      ) : (
        <Stack gap="xs">
          {attention.length > 0 && (
            <Table withTableBorder aria-label="Your initiatives with a late milestone">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left', color: 'var(--mantine-color-red-9)', fontWeight: 600 }}>
                {attention.length} with a late milestone: the escalation has reached
              </Table.Caption>
              <Table.Tbody>
                {[...attention]
                  .sort((a, b) => (b.escalation?.level ?? 0) - (a.escalation?.level ?? 0))
                  .map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <InitiativeLink initiative={item} />
                      </Table.Td>
                      <Table.Td>{ESCALATION_AUDIENCES[item.escalation?.level ?? 1]}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
          <Table withTableBorder>
            <Table.Tbody>
              {owned.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <InitiativeLink initiative={item} />
                  </Table.Td>
                  <Table.Td>
                    DoI {item.stage} {STAGES[item.stage]?.name}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.status === 'on_track' ? 'green' : item.status === 'closed' ? 'indigo' : 'red'} styles={{ label: { color: '#212529' } }}>
                      {item.status.replace('_', ' ')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(item.confirmedValue, item.currency)} confirmed</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </section>
  );
}
