import type { OpenIdSettings } from '@tollgate/contracts/views';
import { Button, Group } from '@mantine/core';
import { useEffect, useState } from 'react';
import { keepSession, type Session } from '../../../lib/session';
import { authorizationUrl } from '../openid-sign-in';

/** The message a sign-in window sends the page that opened it. */
export const SESSION_MESSAGE = 'tollgate.session';

/** Signing in at the organization's OpenID provider: in this window, or, over a page that must keep what was typed, in a window of its own. */
export function OpenIdSignIn({ settings, inPlace, onSignedIn, onProblem }: { settings: OpenIdSettings; inPlace: boolean; onSignedIn: (session: Session) => void; onProblem: (text: string) => void }) {
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
