import { Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { onSignedOut } from '../lib/api/client';
import { currentSession, endSession, type Session } from '../lib/session';
import { CALLBACK_PATH } from '../features/session/openid-sign-in';
import { SignedInPage } from '../features/session/SignedInPage';
import { SignInPage } from '../features/session/SignInPage';
import { Shell } from './layout/Shell';
import { pages } from './routes';

export function App() {
  const [session, setSession] = useState<Session | null>(() => currentSession());
  // Who was signed in when a service answered 401: the page stays as it was, with what they typed.
  const [ended, setEnded] = useState<Session | null>(null);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(
    () =>
      onSignedOut(() => {
        endSession();
        setSession((current) => {
          if (current) setEnded(current);
          return null;
        });
      }),
    [],
  );

  const signOut = () => {
    endSession();
    setSession(null);
    setEnded(null);
  };

  if (location.pathname === CALLBACK_PATH) {
    return (
      <SignedInPage
        onSignedIn={(signedIn, returnTo) => {
          setSession(signedIn);
          void navigate(returnTo === CALLBACK_PATH ? '/' : returnTo, { replace: true });
        }}
      />
    );
  }
  if (!session && !ended) {
    return (
      <SignInPage
        onSignedIn={(signedIn) => {
          setSession(signedIn);
          void navigate(location.pathname === '/sign-in' ? '/' : location.pathname, { replace: true });
        }}
      />
    );
  }
  return (
    <>
      <Shell session={(session ?? ended)!} onSignOut={signOut}>
        {pages}
      </Shell>
      {/* Signing in again over the page keeps every form as it was; the person then repeats what was refused. */}
      <Modal opened={!session} onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} size="xl" title="Your sign-in has ended: sign in again to go on">
        <SignInPage
          inPlace
          onSignedIn={(signedIn) => {
            setSession(signedIn);
            setEnded(null);
          }}
        />
      </Modal>
    </>
  );
}
