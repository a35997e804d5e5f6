import { Skeleton, Stack, Title } from '@mantine/core';
import { currentSession } from '../../lib/session';
import { Failure } from '../work/components/Failure';
import { useMyNotifications } from './api/get-notifications';
import { useNotificationSettings } from './api/notification-settings';
import { MyCalendar } from './components/MyCalendar';
import { MyNotifications } from './components/MyNotifications';
import { NotificationSettingsForm } from './components/NotificationSettingsForm';

/** What the person was told, with each receipt, and how they want to be told. */
export function NotificationsPage() {
  const sub = currentSession()?.person.sub ?? '';
  const settings = useNotificationSettings(sub);
  const notifications = useMyNotifications(sub);
  return (
    <Stack gap="lg">
      <Title order={1}>Notifications</Title>
      <MyNotifications notifications={notifications} />
      <MyCalendar sub={sub} />
      {settings.error ? <Failure error={settings.error} /> : settings.data ? <NotificationSettingsForm key={settings.dataUpdatedAt} settings={settings.data} sub={sub} /> : <Skeleton h={200} />}
    </Stack>
  );
}
