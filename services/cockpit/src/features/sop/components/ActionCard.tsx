import type { SopActionView } from '@tollgate/contracts/views';
import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { formatDay, formatInstant } from '../../../lib/format/instant';
import { formatMoney } from '../../../lib/format/money';
import type { Viewer } from '../../initiative/initiative-rights';
import { useCloseSopAction } from '../api/close-sop-action';
import { mayCloseAction, mayDropSopAction } from '../sop-rights';
import { READABLE } from './readable-badge';

/** Where an action stands, in words that do not rest on colour alone. */
function StatusBadge({ action }: { action: SopActionView }) {
  if (action.status === 'done') return <Badge color="#1e6b30">done</Badge>;
  if (action.status === 'dropped') return <Badge color="gray.7">dropped</Badge>;
  if (action.overdue) return <Badge color="red.9">{action.escalatedTo ? `overdue: escalated to ${action.escalatedTo}` : 'overdue'}</Badge>;
  return (
    <Badge color="blue" variant="light" styles={READABLE}>
      {action.remindedAt ? 'open: owner reminded' : 'open'}
    </Badge>
  );
}

/**
 * One action after the meeting: what it asks, of whom, by when, what should
 * change and what counts as done; its owner closes it with evidence, the
 * chair may drop it with a reason.
 */
export function ActionCard({ action, me, currency }: { action: SopActionView; me: Viewer; currency: string }) {
  const [evidence, setEvidence] = useState('');
  const [link, setLink] = useState('');
  const [reason, setReason] = useState('');
  // Forms open on demand: a chair reading a list of actions sees the actions, not a field per card.
  const [closing, setClosing] = useState<'done' | 'drop' | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const close = useCloseSopAction(action.id, () => setKey(crypto.randomUUID()));
  const closes = mayCloseAction(me, action);
  const drops = mayDropSopAction(me, action);
  return (
    <Card withBorder padding="sm" aria-label={`Action: ${action.title}`} data-action={action.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={700}>{action.title}</Text>
          <Text size="sm">
            {action.ownerId} · due {formatDay(action.dueDate)}
            {action.nodeName ? ` · ${action.nodeName}` : ''}
          </Text>
        </div>
        <Group gap={6}>
          {action.valueAtRisk !== null && action.valueAtRisk > 0 && (
            <Text size="sm" fw={700}>
              {formatMoney(action.valueAtRisk, currency)} at stake
            </Text>
          )}
          <StatusBadge action={action} />
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        Expected effect: {action.expectedEffect}
      </Text>
      <Text size="sm" c="dimmed">
        Done when: {action.doneWhen}
      </Text>
      {action.done && (
        <Text size="sm" mt={4}>
          Done by {action.done.by}, {formatInstant(action.done.at)}: {action.done.evidence.text}
          {action.done.evidence.links.map((href) => (
            <Text key={href} span size="sm">
              {' '}
              · <a href={href}>{href}</a>
            </Text>
          ))}
        </Text>
      )}
      {action.dropped && (
        <Text size="sm" mt={4}>
          Dropped by {action.dropped.by}, {formatInstant(action.dropped.at)}: {action.dropped.reason}
        </Text>
      )}
      {(closes || drops) && closing === null && (
        <Group gap="xs" mt="xs">
          {closes && (
            <Button size="xs" onClick={() => setClosing('done')}>
              Mark done…
            </Button>
          )}
          {drops && (
            <Button size="xs" variant="outline" color="red.9" onClick={() => setClosing('drop')}>
              Drop…
            </Button>
          )}
        </Group>
      )}
      {closing === 'done' && closes && (
        <Stack gap={6} mt="xs">
          <Textarea label="Evidence that it is done" description={action.doneWhen} value={evidence} onChange={(event) => setEvidence(event.currentTarget.value)} autosize minRows={1} />
          <TextInput label="Link to the evidence (optional)" value={link} onChange={(event) => setLink(event.currentTarget.value)} />
          <Group>
            <Button
              size="sm"
              disabled={!evidence.trim()}
              loading={close.isPending}
              onClick={() => close.mutate({ closing: { action: 'complete', evidence: { text: evidence, links: link.trim() ? [link.trim()] : [] } }, key })}
            >
              Mark done
            </Button>
            <Button size="sm" variant="default" onClick={() => setClosing(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {closing === 'drop' && drops && (
        <Group gap={6} mt="xs" align="flex-end">
          <TextInput label="Why drop it" value={reason} onChange={(event) => setReason(event.currentTarget.value)} style={{ flex: 1 }} />
          <Button size="sm" variant="outline" color="red.9" disabled={!reason.trim()} loading={close.isPending} onClick={() => close.mutate({ closing: { action: 'drop', reason }, key })}>
            Drop the action
          </Button>
          <Button size="sm" variant="default" onClick={() => setClosing(null)}>
            Cancel
          </Button>
        </Group>
      )}
      <Refusal error={close.error} />
    </Card>
  );
}
