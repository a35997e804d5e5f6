import { AppShell, Badge, Burger, Button, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { HierarchyRail } from '../../features/hierarchy/components/HierarchyRail';
import { useKnownToNotifications } from '../../features/notifications/api/make-known';
import type { Session } from '../../lib/session';

/** The frame of every page: who is signed in at the top, the hierarchy on the left. */
export function Shell({ session, onSignOut, children }: { session: Session; onSignOut: () => void; children: ReactNode }) {
  const [opened, { toggle }] = useDisclosure();
  useKnownToNotifications(session.person.sub);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 300, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Show the hierarchy" />
            <Title order={2} size="h4">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Tollgate
              </Link>
            </Title>
          </Group>
          <Group gap="sm">
            <Text size="sm">{session.person.name}</Text>
            {session.person.roles.map((role) => (
              <Badge key={role} variant="outline">
                {role}
              </Badge>
            ))}
            <Button variant="subtle" size="xs" onClick={onSignOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Hierarchy">
        <HierarchyRail />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
