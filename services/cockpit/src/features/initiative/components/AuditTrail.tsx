import type { AuditEntryView, NotificationView } from '@tollgate/contracts/views';
import { Text, Timeline, Title } from '@mantine/core';
import { formatInstant as when } from '../../../lib/format/instant';
import { receiptWords } from '../../notifications/notification-words';

/** The audit trail of the initiative, newest first, each change with who was told of it and how. */
export function AuditTrail({ audit, told }: { audit: AuditEntryView[] | undefined; told: Map<number, NotificationView[]> }) {
  return (
    <section aria-labelledby="audit">
      <Title order={2} size="h4" id="audit" mb="xs">
        Audit trail
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Newest first.
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={audit?.length ?? 0}>
        {[...(audit ?? [])].reverse().map((entry) => (
          <Timeline.Item key={entry.revision} title={`${entry.action.replace(/_/g, ' ')} by ${entry.actorId}`}>
            <Text size="xs" c="dimmed">
              {when(entry.at)} · revision {entry.revision}
            </Text>
            {entry.reason && <Text size="sm">{entry.reason}</Text>}
            {entry.evidence && <Text size="sm">Evidence: {entry.evidence.text}</Text>}
            {(told.get(entry.revision) ?? []).map((notification) => (
              <Text key={notification.id} size="xs" c={notification.status === 'sent' ? 'teal.9' : notification.status === 'pending' ? 'dimmed' : 'red.9'}>
                {notification.recipientId} told {receiptWords(notification)}
              </Text>
            ))}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
