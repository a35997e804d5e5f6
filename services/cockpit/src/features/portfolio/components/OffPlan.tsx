import type { PhantomProgressView } from '@tollgate/contracts/views';
import { Anchor, Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Problem } from '../../../lib/feedback/Refusal';
import { formatMoney } from '../../../lib/format/money';
import { formatDuration } from '../../../lib/format/period';
import { stageLabel } from '../../../lib/format/stage';

const REASONS: Record<string, string> = {
  implemented_unconfirmed: 'implemented, nothing confirmed by finance yet',
  on_track_forecast_under_plan: 'reported on track while the forecast is under plan',
};

/** What is off plan under a node, first on its page: each initiative with its reasons, the widest gap first. */
export function OffPlan({ phantom, currency }: { phantom: UseQueryResult<PhantomProgressView>; currency: string }) {
  const money = (amount: number | null | undefined) => (amount === null || amount === undefined ? 'n/a' : formatMoney(amount, currency));
  return (
    <section aria-labelledby="off-plan">
      <Title order={2} size="h3" id="off-plan">
        Off plan
      </Title>
      {phantom.error ? (
        <Problem error={phantom.error} />
      ) : !phantom.data ? (
        <Skeleton h={60} />
      ) : phantom.data.initiatives.length === 0 ? (
        <Text c="dimmed">
          Nothing under this node is off plan: no implemented initiative has waited longer than {formatDuration(phantom.data.unconfirmedAfter)} for value confirmed by finance, and no initiative reported on
          track has a forecast under its plan.
        </Text>
      ) : (
        <>
        {phantom.data.total > phantom.data.initiatives.length && (
          <Text size="sm" c="red.9" fw={600} mb={4}>
            {phantom.data.total.toLocaleString('en-GB')} initiatives are off plan; the {phantom.data.initiatives.length} with the widest gap between plan and forecast are listed.
          </Text>
        )}
        <Table striped withTableBorder aria-label="Initiatives off plan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Initiative</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th ta="right">Planned</Table.Th>
              <Table.Th ta="right">Confirmed</Table.Th>
              <Table.Th>Why it is here</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {phantom.data.initiatives.map((initiative) => (
              <Table.Tr key={initiative.initiativeId}>
                <Table.Td>
                  <Anchor component={Link} to={`/initiatives/${initiative.initiativeId}`}>
                    {initiative.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{stageLabel(initiative.stage)}</Table.Td>
                <Table.Td>{initiative.ownerId}</Table.Td>
                <Table.Td ta="right">{money(initiative.planned)}</Table.Td>
                <Table.Td ta="right">{money(initiative.confirmed)}</Table.Td>
                <Table.Td>{initiative.reasons.map((reason) => REASONS[reason] ?? reason).join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </>
      )}
    </section>
  );
}
