import type { ForecastJudgedBy, ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { Button, Card, Group, SegmentedControl, Skeleton, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Problem, Refusal } from '../../../lib/feedback/Refusal';
import { formatRate } from '../../../lib/format/money';
import { downloadValueForecastAccuracy, useValueForecastAccuracy } from '../api/get-value-forecast-accuracy';

const signed = (rate: number | null) => (rate === null ? 'n/a' : `${rate > 0 ? '+' : ''}${formatRate(rate)}`);

const JUDGED: { value: ForecastJudgedBy; label: string; column: string }[] = [
  { value: 'owner', label: 'By owner', column: 'Owner' },
  { value: 'program', label: 'By program', column: 'Program' },
  { value: 'unit', label: 'By unit', column: 'Business unit' },
];

/**
 * Whose value forecasts can be trusted: each owner's (program's, unit's)
 * forecasts as the cycles recorded them, one, three and six months ahead,
 * against the value finance confirmed; weighted MAPE and bias (above zero:
 * promised more than came). The same judgement downloads as a workbook.
 */
export function ValueForecastAccuracy({ nodeId }: { nodeId: string }) {
  const [by, setBy] = useState<ForecastJudgedBy>('owner');
  const [failed, setFailed] = useState<unknown>(null);
  const accuracy = useValueForecastAccuracy(nodeId, by);
  const judged = JUDGED.find((one) => one.value === by)!;
  return (
    <Card withBorder>
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          Value forecasts {judged.label.toLowerCase()}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(value) => {
              setBy(value as ForecastJudgedBy);
              setFailed(null);
            }} data={JUDGED.map(({ value, label }) => ({ value, label }))} aria-label="Judge the forecasts by" />
          {accuracy.data && accuracy.data.rows.length > 0 && (
            <Button variant="subtle" size="compact-sm" onClick={() => void downloadValueForecastAccuracy(nodeId, by).then(() => setFailed(null), setFailed)}>
              Download
            </Button>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        Each forecast as the reviews recorded it, against the value finance confirmed for its month: weighted MAPE, and bias (above zero: promised more than came).
      </Text>
      <Refusal error={failed} />
      {accuracy.error ? <Problem error={accuracy.error} /> : !accuracy.data ? <Skeleton h={80} mt="xs" /> : <AccuracyTable accuracy={accuracy.data} column={judged.column} />}
    </Card>
  );
}

function AccuracyTable({ accuracy, column }: { accuracy: ValueForecastAccuracyView; column: string }) {
  const judged = [...new Map(accuracy.rows.map((row) => [row.by, row.name ?? row.by])).entries()];
  const cell = (by: string, horizon: number) => accuracy.rows.find((row) => row.by === by && row.horizon === horizon);
  if (judged.length === 0) {
    return (
      <Text c="dimmed" size="sm" mt="xs">
        No recorded forecast has come due yet: each pre-S&OP records them, and a month is judged once it is over.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table aria-label={`Value forecast accuracy by ${column.toLowerCase()}`} fz="sm" horizontalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{column}</Table.Th>
            {accuracy.horizons.map((horizon) => (
              <Table.Th key={horizon} ta="right">
                {horizon === 1 ? '1 month ahead' : `${horizon} months ahead`}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {judged.map(([by, name]) => (
            <Table.Tr key={by}>
              <Table.Td>{name}</Table.Td>
              {accuracy.horizons.map((horizon) => {
                const one = cell(by, horizon);
                return (
                  <Table.Td key={horizon} ta="right" title={one ? `${one.periods} months judged; MAPE ${formatRate(one.mape)}` : undefined}>
                    {!one ? '—' : one.wmape === null ? 'nothing confirmed' : `${formatRate(one.wmape)} · ${signed(one.bias)}`}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
