import { Group, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DEFAULT_CURRENCY, STAGES } from '@tollgate/domain';
import { useParams, useSearchParams } from 'react-router-dom';
import { Problem } from '../../lib/feedback/Refusal';
import { InitiativeLink } from '../../lib/links/InitiativeLink';
import { NodeCrumb } from '../../lib/links/NodeCrumb';
import { useOrgNode } from '../hierarchy/api/get-org-node';
import { usePortfolioInitiatives } from './api/get-portfolio-initiatives';
import { ValueCells, ValueHeads } from './components/ValueColumns';

const STAGE_CHOICES = [{ value: 'all', label: 'Every stage' }, ...STAGES.map((stage, index) => ({ value: String(index), label: `DoI ${index} ${stage.name}` }))];

/** What a node's figures are made of: its initiatives, of one stage or all, the largest planned value first. */
export function PortfolioInitiativesPage() {
  const { nodeId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const stage = search.get('stage');
  const currency = search.get('currency') ?? DEFAULT_CURRENCY;
  const node = useOrgNode(nodeId);
  const list = usePortfolioInitiatives(nodeId, currency, stage);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <NodeCrumb nodeId={nodeId} name={node.data?.name} page="what its figures are made of" />
          <Title order={1}>{stage !== null ? `Initiatives at DoI ${stage} ${STAGES[Number(stage)]?.name ?? ''}` : 'Initiatives'}</Title>
        </div>
        <Select
          label="Stage"
          data={STAGE_CHOICES}
          value={stage ?? 'all'}
          onChange={(value) => setSearch(value && value !== 'all' ? { stage: value, currency } : { currency })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {list.error ? (
        <Problem error={list.error} />
      ) : !list.data ? (
        <Skeleton h={240} />
      ) : list.data.total === 0 ? (
        <Text c="dimmed">No initiative in {currency} under this node{stage !== null ? ' at this stage' : ''}.</Text>
      ) : (
        <>
          <Text size="sm">
            {list.data.total.toLocaleString('en-GB')} {list.data.total === 1 ? 'initiative' : 'initiatives'}, not cancelled, in {currency}
            {list.data.total > list.data.initiatives.length ? `; the ${list.data.initiatives.length} with the largest planned value are listed` : ''}.
          </Text>
          <Table striped withTableBorder aria-label="Initiatives under the node">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Owner</Table.Th>
                <ValueHeads />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.initiatives.map((row) => (
                <Table.Tr key={row.initiativeId}>
                  <Table.Td>
                    <InitiativeLink initiative={{ id: row.initiativeId, title: row.title }} />
                  </Table.Td>
                  <Table.Td>
                    DoI {row.stage} {STAGES[row.stage]?.name}
                  </Table.Td>
                  <Table.Td>{row.status.replace('_', ' ')}</Table.Td>
                  <Table.Td>{row.ownerId}</Table.Td>
                  {/* The confirmations under the confirmed value are on the initiative's page. */}
                  <ValueCells planned={row.planned} forecast={row.forecast} confirmed={row.confirmed} currency={currency} confirmedTo={`/initiatives/${row.initiativeId}#confirmations`} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
