import type { SopCyclePaperView } from '@tollgate/contracts/views';
import { decisionSoughtInWords } from '@tollgate/domain';
import { Alert, Anchor, Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api/client';
import { Refusal } from '../../lib/feedback/Refusal';
import { formatDay, formatInstant } from '../../lib/format/instant';
import { formatPeriod } from '../../lib/format/period';
import { downloadCyclePaper, useCyclePaper, type PaperRoute } from './api/get-cycle-paper';
import { ExceptionFigures, ExceptionStakes } from './components/ExceptionFigures';
import { decisionName, exceptionName } from './sop-names';

/** A cycle's pre-read or minutes, as the PDF the participants were sent holds it, with the PDF to download. */
export function CyclePaperPage({ paper }: { paper: PaperRoute }) {
  const { cycleId = '' } = useParams();
  const answer = useCyclePaper(cycleId, paper);
  const [failed, setFailed] = useState<unknown>(null);
  if (answer.error) {
    const error = answer.error;
    return (
      <Alert color={error instanceof ApiError && error.status === 409 ? 'yellow' : 'red'} title={paper === 'pre-read' ? 'No pre-read yet' : 'No minutes yet'} role="alert">
        {error instanceof ApiError ? error.message : String(error)}
      </Alert>
    );
  }
  const data = answer.data;
  if (!data) return <Skeleton h={400} />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>
            {paper === 'pre-read' ? 'Pre-read' : 'Minutes'}: S&OP review of {formatPeriod(data.period)}
          </Title>
          <Text c="dimmed">
            <Anchor component={Link} to={`/nodes/${data.orgNodeId}/sop`}>
              {data.nodeName}
            </Anchor>{' '}
            · chaired by {data.chairId} · {paper === 'pre-read' ? 'issued' : 'published'} {formatInstant(data.issuedAt)}
            {paper === 'pre-read' && data.meetingDueAt ? ` · the meeting is due by ${formatInstant(data.meetingDueAt)}` : ''}
          </Text>
        </div>
        <Button variant="outline" onClick={() => downloadCyclePaper(cycleId, paper).catch(setFailed)}>
          Download PDF
        </Button>
      </Group>
      <Refusal error={failed} />
      {paper === 'pre-read' ? <PreRead data={data} /> : <Minutes data={data} />}
      <section aria-labelledby="participants">
        <Title order={2} size="h3" id="participants">
          Who takes part
        </Title>
        <Text>{data.participants.join(', ')}</Text>
      </section>
    </Stack>
  );
}

function PreRead({ data }: { data: SopCyclePaperView }) {
  return (
    <>
      <section aria-labelledby="paper-agenda">
        <Title order={2} size="h3" id="paper-agenda" mb="xs">
          What is off plan, the most at risk first
        </Title>
        <Stack gap="xs">
          {data.exceptions.length === 0 && <Text c="dimmed">Nothing is off plan.</Text>}
          {data.exceptions.map((exception) => (
            <Card key={exception.id} withBorder padding="sm">
              <Group justify="space-between" align="flex-start">
                <Text fw={600}>
                  {exceptionName(exception.kind)}: {exception.subjectName ?? exception.subject}
                </Text>
                <ExceptionStakes exception={exception} currency={data.currency} />
              </Group>
              <ExceptionFigures exception={exception} currency={data.currency} />
              <Text size="sm">
                {exception.mitigation ? `Mitigation: ${exception.mitigation.action} (${exception.mitigation.ownerId}, by ${formatDay(exception.mitigation.dueDate)})` : `No mitigation, owed by ${exception.ownerId}.`}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>
      <PaperList id="paper-sought" title="Decisions sought" items={data.decisionsSought} none="None." keyOf={(sought) => (sought.kind === 'approve_pivot' ? sought.programId : sought.exceptionId)}>
        {(sought) => decisionSoughtInWords(sought)}
      </PaperList>
      <PaperList id="paper-pivots" title="Pivots proposed" items={data.pivots} none="None." keyOf={(pivot) => pivot.initiativeId}>
        {(pivot) => `${pivot.move} ${pivot.title ?? pivot.initiativeId} (${pivot.programName ?? pivot.programId})`}
      </PaperList>
    </>
  );
}

function Minutes({ data }: { data: SopCyclePaperView }) {
  return (
    <>
      <section aria-labelledby="paper-decisions">
        <Title order={2} size="h3" id="paper-decisions" mb="xs">
          Decisions
        </Title>
        {data.decisions.length === 0 && <Text c="dimmed">No decision was taken.</Text>}
        <Stack gap="xs">
          {data.decisions.map((decision) => (
            <Card key={decision.decisionId} withBorder padding="sm">
              <Text fw={600}>
                {decisionName(decision.kind)}
                {decision.subjectName || decision.subject ? `: ${decision.subjectName ?? decision.subject}` : ''}
              </Text>
              <Text size="sm">Rationale: {decision.rationale}</Text>
              {decision.outcome && decision.outcome.length > 0 && <Text size="sm">Done: {decision.outcome.join('; ')}</Text>}
              <Text size="xs" c="dimmed">
                {decision.decidedBy}, {formatInstant(decision.decidedAt)}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>
      <PaperList id="paper-actions" title="Actions" items={data.actions} none="No action was asked for." keyOf={(action) => action.id}>
        {(action) => (
          <>
            <b>{action.title}</b>: {action.ownerId}, due {formatDay(action.dueDate)} ({action.status}). Done when: {action.doneWhen}
          </>
        )}
      </PaperList>
    </>
  );
}

/** A section of the paper that lists its items, one line each, or says there are none. */
function PaperList<Item>({ id, title, items, none, keyOf, children }: { id: string; title: string; items: readonly Item[]; none: string; keyOf: (item: Item) => string; children: (item: Item) => ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{none}</Text>
      ) : (
        <List>
          {items.map((item) => (
            <List.Item key={keyOf(item)}>{children(item)}</List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
