import { Group, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Problem } from '../../lib/feedback/Refusal';
import { formatInstant } from '../../lib/format/instant';
import { formatRate } from '../../lib/format/money';
import { NodeCrumb } from '../../lib/links/NodeCrumb';
import { useOrgNode } from '../hierarchy/api/get-org-node';
import { useDecisionLog } from './api/get-decision-log';
import { usePlanOfRecord } from './api/get-plan-of-record';
import { checkWords, claimWords } from './claim-words';
import { decisionName, SOP_DECISION_NAMES } from './sop-names';

const OUTCOMES = [
  { value: 'missed', label: 'Missed what it expected' },
  { value: 'met', label: 'Met what it expected' },
  { value: 'pending', label: 'Still to be checked' },
];

/** The decisions of a node's reviews across cycles: what each expected, whether it held, and per node the share that did. */
export function DecisionLogPage() {
  const { nodeId = '' } = useParams();
  const [kind, setKind] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const node = useOrgNode(nodeId);
  const currency = usePlanOfRecord(nodeId).data?.currency ?? DEFAULT_CURRENCY;
  const log = useDecisionLog({ orgNodeId: nodeId, kind: kind ?? undefined, outcome: (outcome ?? undefined) as 'met' | 'missed' | 'pending' | undefined });
  if (node.error && !node.data) return <Problem error={node.error} />;
  return (
    <Stack gap="lg">
      <div>
        <NodeCrumb nodeId={nodeId} name={node.data?.name} page="Decision log" />
        <Title order={1}>Decision log</Title>
        <Text size="sm" c="dimmed">
          Every decision of the S&OP reviews under this node, newest first; a decision that stated a figure is checked on its day.
        </Text>
      </div>
      <Group>
        <Select label="Kind" placeholder="every kind" data={Object.entries(SOP_DECISION_NAMES).map(([value, label]) => ({ value, label }))} value={kind} onChange={setKind} clearable w={220} />
        <Select label="Outcome" placeholder="every outcome" data={OUTCOMES} value={outcome} onChange={setOutcome} clearable w={240} />
      </Group>
      {log.error ? (
        <Problem error={log.error} />
      ) : !log.data ? (
        <Skeleton h={200} />
      ) : (
        <>
          {log.data.nodes.some((entry) => entry.checked > 0) && (
            <Table withTableBorder aria-label="Decisions that met what they expected, per node" w="auto">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Node</Table.Th>
                  <Table.Th ta="right">Checked</Table.Th>
                  <Table.Th ta="right">Met</Table.Th>
                  <Table.Th ta="right">Share met</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.nodes
                  .filter((entry) => entry.checked > 0)
                  .map((entry) => (
                    <Table.Tr key={entry.orgNodeId}>
                      <Table.Td>{entry.name ?? entry.orgNodeId}</Table.Td>
                      <Table.Td ta="right">{entry.checked}</Table.Td>
                      <Table.Td ta="right">{entry.met}</Table.Td>
                      <Table.Td ta="right">{formatRate(entry.shareMet)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
          {log.data.total === 0 ? (
            <Text c="dimmed">No decision matches.</Text>
          ) : (
            <Table striped withTableBorder aria-label="Decision log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Decided</Table.Th>
                  <Table.Th>Decision</Table.Th>
                  <Table.Th>Rationale</Table.Th>
                  <Table.Th>Expected, and what happened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.decisions.map((decision) => (
                  <Table.Tr key={decision.decisionId}>
                    <Table.Td>
                      {formatInstant(decision.decidedAt)}
                      <Text size="xs" c="dimmed">
                        {decision.decidedBy}
                        {decision.nodeName ? ` · ${decision.nodeName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{decisionName(decision.kind)}</Table.Td>
                    <Table.Td>{decision.rationale}</Table.Td>
                    <Table.Td>
                      {decision.expects ? (
                        <Text size="sm" c={decision.check && !decision.check.met ? 'red.9' : undefined} fw={decision.check ? 600 : 400}>
                          {claimWords(decision.expects, currency)}: {checkWords(decision.expects, decision.check, currency)}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {decision.outcome.length ? decision.outcome.join('; ') : 'no figure stated'}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
