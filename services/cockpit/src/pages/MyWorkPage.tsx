import { Alert, Anchor, Badge, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { STAGES } from '@tollgate/domain';
import { ApiError, call } from '../api/client';
import type { InitiativePage } from '../api/initiative';
import { currentSession } from '../api/session';
import { formatMoney } from '../format/money';

export interface AwaitedGate {
  initiativeId: string;
  code: string;
  title: string;
  targetStage: number;
  submittedBy: string;
  submittedAt: string;
  missingKeys: string[];
}

/** The queries behind "my work", shared with the rail's counts. */
export function useMyWork() {
  const session = currentSession();
  const sub = session?.person.sub ?? '';
  const roles = session?.person.roles ?? [];
  const controller = roles.includes('controller');
  const gates = useQuery({ queryKey: ['work', 'gates', sub], queryFn: () => call<{ items: AwaitedGate[] }>('initiatives', '/api/work/gate-requests') });
  const owned = useQuery({
    queryKey: ['work', 'owned', sub],
    queryFn: () => call<InitiativePage>('initiatives', `/api/initiatives?ownerId=${encodeURIComponent(sub)}&pageSize=200`),
    enabled: roles.includes('owner'),
  });
  const closures = useQuery({
    queryKey: ['work', 'closures', sub],
    queryFn: () => call<InitiativePage>('initiatives', '/api/initiatives?closure=pending_confirmation&pageSize=200'),
    enabled: controller,
  });
  // A controller confirms only where they are no party.
  const confirmable = (closures.data?.items ?? []).filter((item) => item.ownerId !== sub && item.sponsorId !== sub);
  return { gates, owned, closures, confirmable };
}

function Failure({ error }: { error: unknown }) {
  return (
    <Alert color="red" role="alert">
      {error instanceof ApiError ? `${error.message}. ${error.advice}` : String(error)}
    </Alert>
  );
}

/** A person's own queue: the gates awaiting their key, their initiatives needing attention, closures awaiting their confirmation. */
export function MyWorkPage() {
  const session = currentSession();
  const { gates, owned, closures, confirmable } = useMyWork();
  const attention = (owned.data?.items ?? []).filter((item) => item.status === 'at_risk' || item.status === 'escalated');
  return (
    <Stack gap="lg">
      <Title order={1}>My work</Title>
      <section aria-labelledby="awaiting-key">
        <Title order={2} size="h3" id="awaiting-key" mb="xs">
          Gate requests awaiting your key
        </Title>
        {gates.error ? (
          <Failure error={gates.error} />
        ) : !gates.data ? (
          <Skeleton h={80} />
        ) : gates.data.items.length === 0 ? (
          <Text c="dimmed">No gate request awaits your key.</Text>
        ) : (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Gate to</Table.Th>
                <Table.Th>Requested by</Table.Th>
                <Table.Th>Still needed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gates.data.items.map((gate) => (
                <Table.Tr key={`${gate.initiativeId}-${gate.targetStage}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/initiatives/${gate.initiativeId}`}>
                      {gate.code} {gate.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    DoI {gate.targetStage} {STAGES[gate.targetStage]?.name}
                  </Table.Td>
                  <Table.Td>{gate.submittedBy}</Table.Td>
                  <Table.Td>{gate.missingKeys.join(', and ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      {session?.person.roles.includes('owner') && (
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
                <Text c="red.8" fw={600}>
                  {attention.length} need a mitigation: a milestone is late.
                </Text>
              )}
              <Table withTableBorder>
                <Table.Tbody>
                  {owned.data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/initiatives/${item.id}`}>
                          {item.code} {item.title}
                        </Anchor>
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
      )}

      {session?.person.roles.includes('controller') && (
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
                  <Anchor component={Link} to={`/initiatives/${item.id}`}>
                    {item.code} {item.title}
                  </Anchor>
                  <Text size="sm">
                    {formatMoney(item.plannedValue, item.currency)} planned, {formatMoney(item.confirmedValue, item.currency)} confirmed so far
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
        </section>
      )}
    </Stack>
  );
}
