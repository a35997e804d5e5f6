import type { MissingMitigationsView } from '@tollgate/contracts/views';
import { Anchor, Badge, Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { formatInstant } from '../../../lib/format/instant';
import { formatPeriod } from '../../../lib/format/period';
import { exceptionName } from '../../sop/sop-names';
import { Failure } from './Failure';

/** The S&OP exceptions still without a mitigation that the person owes, or that wait in a cycle they chair. */
export function MissingMitigations({ mitigations }: { mitigations: UseQueryResult<MissingMitigationsView> }) {
  return (
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
                    {exceptionName(item.kind)}
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
  );
}
