import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { Refusal } from '../../../lib/feedback/Refusal';
import { formatInstant } from '../../../lib/format/instant';
import { useCalendarStatus, useIssueCalendar, useRevokeCalendar } from '../api/calendar';

/** The person's private calendar address: their milestones, gates, actions and S&OP dates in their own calendar program. */
export function MyCalendar({ sub }: { sub: string }) {
  const status = useCalendarStatus(sub);
  const issue = useIssueCalendar(sub);
  const revoke = useRevokeCalendar(sub);
  const address = issue.data ?? null;
  return (
    <section aria-labelledby="my-calendar">
      <Title order={2} size="h3" id="my-calendar" mb="xs">
        My calendar
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          Subscribe to it in your calendar program: your open milestones, the gates awaiting your key, your S&OP actions and steps, and the meetings you chair, kept current as dates move. Anyone with the address reads it: keep it to yourself.
        </Text>
        {address ? (
          <>
            <Text size="sm" fw={600}>
              Your address (shown once):
            </Text>
            <Code block>{address.url}</Code>
            <Text size="sm">A node&apos;s S&OP calendar: the same address followed by /nodes/ and the node&apos;s id.</Text>
          </>
        ) : (
          status.data?.active && <Text size="sm">You have an address, made {formatInstant(status.data.createdAt)}. A new one replaces it.</Text>
        )}
        <Group>
          <Button variant="light" onClick={() => issue.mutate(undefined, { onSuccess: () => revoke.reset() })} loading={issue.isPending}>
            {status.data?.active ? 'Make a new address' : 'Make my calendar address'}
          </Button>
          {status.data?.active && (
            <Button variant="subtle" color="red.9" onClick={() => revoke.mutate(undefined, { onSuccess: () => issue.reset() })} loading={revoke.isPending}>
              Revoke
            </Button>
          )}
        </Group>
        <Refusal error={issue.error ?? revoke.error} />
      </Stack>
    </section>
  );
}
