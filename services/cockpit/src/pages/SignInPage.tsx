import { Alert, Badge, Button, Card, Container, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call, loadSettings } from '../api/client';
import { keepSession, type Session } from '../api/session';

interface DemoPerson {
  sub: string;
  name: string;
  roles: string[];
  duty: string;
}

/** The development sign-in: pick one of the demo people. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const settings = useQuery({ queryKey: ['cockpit-settings'], queryFn: loadSettings, refetchInterval: false });
  const people = useQuery({
    queryKey: ['demo-people'],
    queryFn: () => call<{ people: DemoPerson[] }>('plans', '/api/development/people'),
    enabled: settings.data?.signIn === 'development',
    refetchInterval: false,
  });
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function signInAs(person: DemoPerson) {
    setSigningIn(person.sub);
    setProblem(null);
    try {
      const session = await call<Session>('plans', '/api/development/tokens', { method: 'POST', body: { sub: person.sub } });
      keepSession(session);
      onSignedIn(session);
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.message}. ${error.advice}` : String(error));
    } finally {
      setSigningIn(null);
    }
  }

  return (
    <Container size="md" py="xl" component="main">
      <Stack gap="lg">
        <div>
          <Title order={1}>Tollgate</Title>
          <Text c="dimmed">Sign in to the cockpit: the portfolio, the S&amp;OP review and your own work.</Text>
        </div>
        {settings.isLoading && <Loader aria-label="Loading" />}
        {settings.data?.signIn === 'unavailable' && (
          <Alert color="yellow" title="No sign-in here">
            This Tollgate has no development sign-in; sign in through your organization&apos;s identity provider.
          </Alert>
        )}
        {problem && (
          <Alert color="red" title="Sign-in failed" role="alert">
            {problem}
          </Alert>
        )}
        {people.data && (
          <>
            <Title order={2} size="h4">
              Sign in as one of the demo people
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {people.data.people.map((person) => (
                <Card key={person.sub} withBorder padding="md">
                  <Stack gap="xs" justify="space-between" h="100%">
                    <div>
                      <Group gap="xs">
                        <Text fw={600}>{person.name}</Text>
                        {person.roles.map((role) => (
                          <Badge key={role} variant="light">
                            {role}
                          </Badge>
                        ))}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {person.duty}
                      </Text>
                    </div>
                    <Button onClick={() => void signInAs(person)} loading={signingIn === person.sub} aria-label={`Sign in as ${person.name}`}>
                      Sign in
                    </Button>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Container>
  );
}
