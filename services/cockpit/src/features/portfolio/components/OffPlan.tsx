import type { OffPlanView } from '@tollgate/contracts/views';
import { Anchor, Button, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import { Problem, Refusal } from '../../../lib/feedback/Refusal';
import { formatPeriod } from '../../../lib/format/period';
import { ExceptionFigures, ExceptionStakes } from '../../sop/components/ExceptionFigures';
import { exceptionName } from '../../sop/sop-names';
import { downloadOffPlan } from '../api/get-off-plan';

/** Shown rows; the count says how many there are. */
const LISTED = 12;

const INITIATIVE_KINDS = new Set(['initiative_escalated', 'gate_request_waiting', 'phantom_progress']);

/**
 * What is off plan under a node this month, first on its page: the same
 * exceptions, by the same rule, as the node's S&OP agenda, each with its
 * figures, owner and value at risk, the most at risk first.
 */
export function OffPlan({ offPlan, nodeId }: { offPlan: UseQueryResult<OffPlanView>; nodeId: string }) {
  const data = offPlan.data;
  const [failed, setFailed] = useState<unknown>(null);
  return (
    <section aria-labelledby="off-plan">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="off-plan">
          Off plan{data ? ` · ${formatPeriod(data.period)}` : ''}
        </Title>
        {data && data.total > 0 && (
          <Group gap="xs">
            <Button variant="subtle" size="compact-sm" onClick={() => void downloadOffPlan(nodeId, data.period).then(() => setFailed(null), setFailed)}>
              Download as a workbook
            </Button>
            <Button component={Link} to={`/nodes/${nodeId}/sop`} variant="subtle" size="compact-sm">
              Open the review room
            </Button>
          </Group>
        )}
      </Group>
      <Refusal error={failed} />
      {offPlan.error ? (
        <Problem error={offPlan.error} />
      ) : !data ? (
        <Skeleton h={60} />
      ) : data.total === 0 ? (
        <Text c="dimmed">
          Nothing under this node is off plan this month: the forecast meets plan and target, demand is within capacity, no initiative is escalated or shows phantom progress, and no action is overdue.
        </Text>
      ) : (
        <>
          <Text size="sm" c="red.9" fw={600} mb={4}>
            {data.total === 1 ? '1 exception' : `${data.total.toLocaleString('en-GB')} exceptions`}, the most at risk first
            {data.total > LISTED ? `; the first ${LISTED} are listed` : ''}.
          </Text>
          <Table striped withTableBorder aria-label="Off plan under this node">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>What</Table.Th>
                <Table.Th>Figures</Table.Th>
                <Table.Th>Owed by</Table.Th>
                <Table.Th ta="right">At stake</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.exceptions.slice(0, LISTED).map((exception) => (
                <Table.Tr key={`${exception.kind}:${exception.subject}`} data-exception={exception.kind}>
                  <Table.Td>
                    <Text size="sm" fw={700}>
                      {exceptionName(exception.kind)}
                    </Text>
                    <Text size="sm">
                      {INITIATIVE_KINDS.has(exception.kind) ? (
                        <Anchor component={Link} to={`/initiatives/${exception.subject}`}>
                          {exception.subjectName ?? exception.subject}
                        </Anchor>
                      ) : (
                        (exception.subjectName ?? exception.subject)
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ExceptionFigures exception={exception} currency={data.currency} />
                  </Table.Td>
                  <Table.Td>{exception.ownerId}</Table.Td>
                  <Table.Td>
                    <ExceptionStakes exception={exception} currency={data.currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </section>
  );
}
