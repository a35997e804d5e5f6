import type { NotificationView } from '@tollgate/contracts/views';
import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { formatDay, formatInstant } from '../../../lib/format/instant';
import { Failure } from '../../work/components/Failure';
import { kindWords, receiptWords } from '../notification-words';

const STATUS_COLOUR: Record<NotificationView['status'], string> = { sent: 'teal.9', pending: 'gray.7', dead: 'red.9', unsent: 'red.9' };

/** What the person was told, newest first: what happened, what is asked and by when, the page, and how it reached them. */
export function MyNotifications({ notifications }: { notifications: UseQueryResult<{ notifications: NotificationView[] }> }) {
  return (
    <section aria-labelledby="my-notifications">
      <Title order={2} size="h3" id="my-notifications" mb="xs">
        What I was told
      </Title>
      {notifications.error ? (
        <Failure error={notifications.error} />
      ) : !notifications.data ? (
        <Skeleton h={80} />
      ) : notifications.data.notifications.length === 0 ? (
        <Text c="dimmed">Nothing yet.</Text>
      ) : (
        <Stack gap="xs">
          {notifications.data.notifications.map((notification) => (
            <Card key={notification.id} withBorder padding="sm" component="article" aria-label={notification.title}>
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Anchor component={Link} to={notification.link} fw={600}>
                    {notification.title}
                  </Anchor>
                  <Text size="sm">{notification.happened}</Text>
                  {notification.asked && (
                    <Text size="sm" fw={600}>
                      {notification.asked}
                      {notification.dueBy ? ` By ${formatDay(notification.dueBy)}.` : ''}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {kindWords(notification.kind)} · {formatInstant(notification.createdAt)} · {notification.address ? `${notification.address}, ` : ''}
                    {receiptWords(notification)}
                  </Text>
                </Stack>
                <Badge color={STATUS_COLOUR[notification.status]} variant="outline">
                  {notification.status}
                </Badge>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
