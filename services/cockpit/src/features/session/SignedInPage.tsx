import { Alert, Button, Container, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { loadSettings } from '../../lib/api/client';
import { keepSession, type Session } from '../../lib/session';
import { SESSION_MESSAGE } from './components/OpenIdSignIn';
import { completeSignIn } from './openid-sign-in';

/** Back from the identity provider: the code is exchanged and the person lands where they were. */
export function SignedInPage({ onSignedIn }: { onSignedIn: (session: Session, returnTo: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // The code is good once: React's development double effect must not spend it twice.
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const settings = await loadSettings();
        if (!settings.oidc) throw new Error('this Tollgate has no identity provider set up');
        const { session, returnTo, popup } = await completeSignIn(settings.oidc, new URL(location.href));
        if (popup && window.opener) {
          (window.opener as Window).postMessage({ type: SESSION_MESSAGE, session }, location.origin);
          window.close();
          return;
        }
        keepSession(session);
        onSignedIn(session, returnTo);
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
    })();
  }, [onSignedIn]);
  return (
    <Container size="sm" py="xl" component="main">
      {problem ? (
        <Stack>
          <Alert color="red" title="Sign-in failed" role="alert">
            {problem}
          </Alert>
          <Button component="a" href="/" variant="light" w="fit-content">
            Start again
          </Button>
        </Stack>
      ) : (
        <Stack align="center">
          <Loader aria-label="Signing in" />
          <Text>Signing you in…</Text>
        </Stack>
      )}
    </Container>
  );
}
