import { Alert, Badge, Button, Card, Container, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DemoPeopleView, DemoPerson, DevelopmentTokenView, OpenIdSettings } from '@tollgate/contracts/views';
import { ApiError, call, loadSettings } from '../api/client';
import { authorizationUrl } from '../api/openid-sign-in';
import { keepSession, type Session } from '../api/session';

/** The message a sign-in window sends the page that opened it. */
export const SESSION_MESSAGE = 'tollgate.session';

/** Signing in at the organization's OpenID provider: in this window, or, over a page that must keep what was typed, in a window of its own. */
function OpenIdSignIn({ settings, inPlace, onSignedIn, onProblem }: { settings: OpenIdSettings; inPlace: boolean; onSignedIn: (session: Session) => void; onProblem: (text: string) => void }) {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!inPlace) return;
    const receive = (event: MessageEvent) => {
      if (event.origin !== location.origin || (event.data as { type?: string })?.type !== SESSION_MESSAGE) return;
      const session = (event.data as { session: Session }).session;
      keepSession(session);
      setWaiting(false);
      onSignedIn(session);
    };
    window.addEventListener('message', receive);
    return () => window.removeEventListener('message', receive);
  }, [inPlace, onSignedIn]);

  async function signIn() {
    setWaiting(true);
    // The window opens on the click itself, or a popup blocker stops it; the provider's address follows.
    const popup = inPlace ? window.open('', 'tollgate-sign-in', 'width=520,height=720') : null;
    try {
      const url = await authorizationUrl(settings, `${location.pathname}${location.search}`, inPlace);
      if (popup) popup.location.href = url;
      else location.assign(url);
    } catch (error) {
      popup?.close();
      setWaiting(false);
      onProblem(String(error instanceof Error ? error.message : error));
    }
  }

  return (
    <Group>
      <Button size="md" onClick={() => void signIn()} loading={waiting}>
        Sign in with your organization
      </Button>
    </Group>
  );
}

/** The sign-in: the organization's OpenID provider, or on a local stack one of the demo people. */
export function SignInPage({ onSignedIn, inPlace = false }: { onSignedIn: (session: Session) => void; inPlace?: boolean }) {
  const settings = useQuery({ queryKey: ['cockpit-settings'], queryFn: loadSettings, refetchInterval: false });
  const people = useQuery({
    queryKey: ['demo-people'],
    queryFn: () => call<DemoPeopleView>('plans', '/api/development/people'),
    enabled: settings.data?.signIn === 'development',
    refetchInterval: false,
  });
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function signInAs(person: DemoPerson) {
    setSigningIn(person.sub);
    setProblem(null);
    try {
      const session = await call<DevelopmentTokenView>('plans', '/api/development/tokens', { method: 'POST', body: { sub: person.sub } });
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
