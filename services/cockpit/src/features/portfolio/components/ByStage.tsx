import type { PortfolioSummaryView } from '@tollgate/contracts/views';
import { Anchor, Skeleton, Table, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { stageLabel } from '../../../lib/format/stage';
import { ValueCells, ValueHeads } from './ValueColumns';

/** The node's figures by stage, each count leading to the initiatives at that stage. */
export function ByStage({ summary, nodeId, currency }: { summary: PortfolioSummaryView | undefined; nodeId: string; currency: string }) {
  return (
    <section aria-labelledby="by-stage">
      <Title order={2} size="h3" id="by-stage" mb="xs">
        By stage
      </Title>
      {summary ? (
        <Table withTableBorder aria-label="Initiatives by stage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage (execution)</Table.Th>
              <Table.Th ta="right">Initiatives</Table.Th>
              <ValueHeads />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.byStage.map((row) => (
              <Table.Tr key={row.stage}>
                <Table.Td>{stageLabel(row.stage)}</Table.Td>
                <Table.Td ta="right">
                  <Anchor component={Link} to={`/nodes/${nodeId}/initiatives?stage=${row.stage}&currency=${currency}`} aria-label={`${row.count} at ${stageLabel(row.stage)}: the initiatives`}>
                    {row.count}
                  </Anchor>
                </Table.Td>
                <ValueCells planned={row.planned} forecast={row.forecast} confirmed={row.confirmed} currency={currency} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Skeleton h={200} />
      )}
    </section>
  );
}
