import { Alert, Anchor, Badge, Card, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { InitiativeLink } from '../links/InitiativeLink';
import { Link } from 'react-router-dom';
import { STAGES } from '@tollgate/domain';
import { ApiError, call } from '../api/client';
import type { AwaitedGatesView, InitiativePageView, MissingMitigationsView } from '@tollgate/contracts/views';
import { currentSession } from '../api/session';
import { formatInstant } from '../format/instant';
import { formatMoney } from '../format/money';
import { formatPeriod } from '../format/period';
import { ConfirmValueForm, RejectClosureForm } from './FinanceForms';

const ESCALATION_AUDIENCES: Record<number, string> = { 1: 'you, for a mitigation', 2: 'the sponsor', 3: 'the steering committee' };

const EXCEPTION_KINDS: Record<string, string> = {
  forecast_below_plan: 'Forecast below plan',
  forecast_above_plan: 'Forecast above plan',
  forecast_below_target: 'Forecast below target',
  demand_exceeds_capacity: 'Demand beyond capacity',
  initiative_escalated: 'Initiative escalated',
};

/** The queries behind "my work", shared with the rail's counts. */
export function useMyWork() {
  const session = currentSession();
  const sub = session?.person.sub ?? '';
  const roles = session?.person.roles ?? [];
  const controller = roles.includes('controller');
  const gates = useQuery({ queryKey: ['work', 'gates', sub], queryFn: () => call<AwaitedGatesView>('initiatives', '/api/work/gate-requests') });
  const owned = useQuery({
    queryKey: ['work', 'owned', sub],
    queryFn: () => call<InitiativePageView>('initiatives', `/api/initiatives?ownerId=${encodeURIComponent(sub)}&pageSize=200`),
    enabled: roles.includes('owner'),
  });
  const closures = useQuery({
    queryKey: ['work', 'closures', sub],
    queryFn: () => call<InitiativePageView>('initiatives', '/api/initiatives?closure=pending_confirmation&pageSize=200'),
    enabled: controller,
  });
  const mitigations = useQuery({ queryKey: ['work', 'mitigations', sub], queryFn: () => call<MissingMitigationsView>('plans', '/api/work/missing-mitigations') });
  // A controller confirms only where they are no party.
  const confirmable = (closures.data?.items ?? []).filter((item) => item.ownerId !== sub && item.sponsorId !== sub);
  return { gates, owned, closures, confirmable, mitigations };
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
  const { gates, owned, closures, confirmable, mitigations } = useMyWork();
  const queries = useQueryClient();
  const refresh = () => void queries.invalidateQueries({ queryKey: ['work'] });
  const attention = (owned.data?.items ?? []).filter((item) => item.status === 'at_risk' || item.status === 'escalated');
  const turnedDown = (owned.data?.items ?? []).filter((item) => item.lastGate?.state === 'rejected');
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

      <section aria-labelledby="mitigations">
        <Title order={2} size="h3" id="mitigations" mb="xs">
          S&OP mitigations missing
        </Title>
        {mitigations.error ? (
          <Failure error={mitigations.error} />
        ) : !mitigations.data ? (
          <Skeleton h={60} />
        ) : mitigations.data.items.length === 0 ? (
          <Text c="dimmed">No S&OP exception waits for a mitigation from you or in a cycle you chair.</Text>
        ) : (
          <Table withTableBorder aria-label="S&OP mitigations missing">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Exception</Table.Th>
                <Table.Th>Cycle</Table.Th>
                <Table.Th>Owed by</Table.Th>
                <Table.Th>Due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mitigations.data.items.map((item) => (
                <Table.Tr key={item.exceptionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/nodes/${item.orgNodeId}/sop?cycle=${encodeURIComponent(item.cycleId)}`}>
                      {EXCEPTION_KINDS[item.kind] ?? item.kind}
                      {item.subjectName ? `: ${item.subjectName}` : ''}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {item.nodeName}, {formatPeriod(item.period)}
                  </Table.Td>
                  <Table.Td>{item.as === 'owner' ? 'you' : `${item.ownerId} (you chair)`}</Table.Td>
                  <Table.Td>
                    {item.escalated ? (
                      <Badge color="red.9" variant="filled">
                        overdue: escalated
                      </Badge>
                    ) : (
                      formatInstant(item.mitigationDueAt)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      {session?.person.roles.includes('owner') && turnedDown.length > 0 && (
        <section aria-labelledby="turned-down">
          <Title order={2} size="h3" id="turned-down" mb="xs">
            Gates turned down
          </Title>
          <Stack gap="xs">
            {turnedDown.map((item) => (
              <Card key={item.id} withBorder padding="sm">
                <InitiativeLink initiative={item} />
                <Text size="sm">
                  The gate to DoI {item.lastGate!.targetStage} {STAGES[item.lastGate!.targetStage]?.name} was turned down by {item.lastGate!.rejection?.by}: {item.lastGate!.rejection?.reason}
                </Text>
              </Card>
            ))}
          </Stack>
        </section>
      )}

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
                  <InitiativeLink initiative={item} />
                  <Text size="sm" mb="xs">
                    {formatMoney(item.plannedValue, item.currency)} planned, {formatMoney(item.confirmedValue, item.currency)} confirmed so far
                  </Text>
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <ConfirmValueForm initiative={item} onDone={refresh} />
                    <RejectClosureForm initiative={item} onDone={refresh} />
                  </SimpleGrid>
                </Card>
              ))}
            </Stack>
          )}
        </section>
      )}
    </Stack>
  );
}
