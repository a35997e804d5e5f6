import { Alert, Badge, Button, Card, Container, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DemoPerson } from '@tollgate/contracts/views';
import { useState } from 'react';
import { ApiError } from '../../lib/api/client';
import { useCockpitSettings } from '../../lib/api/get-cockpit-settings';
import { keepSession, type Session } from '../../lib/session';
import { createDevelopmentToken } from './api/create-development-token';
import { useDemoPeople } from './api/get-demo-people';
import { OpenIdSignIn } from './components/OpenIdSignIn';

/** The sign-in: the organization's OpenID provider, or on a local stack one of the demo people. */
export function SignInPage({ onSignedIn, inPlace = false }: { onSignedIn: (session: Session) => void; inPlace?: boolean }) {
  const settings = useCockpitSettings();
  const people = useDemoPeople(settings.data?.signIn === 'development');
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function signInAs(person: DemoPerson) {
    setSigningIn(person.sub);
    setProblem(null);
    try {
      const session = await createDevelopmentToken(person.sub);
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
        {settings.data?.signIn === 'oidc' && settings.data.oidc && <OpenIdSignIn settings={settings.data.oidc} inPlace={inPlace} onSignedIn={onSignedIn} onProblem={setProblem} />}
        {settings.data?.signIn === 'unavailable' && (
          <Alert color="yellow" title="No sign-in here">
            This Tollgate has neither an identity provider nor a development sign-in set up: see TOLLGATE_OIDC_ISSUER in docs/operations.md.
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
