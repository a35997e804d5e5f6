import { Loader, Modal } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { onSignedOut } from './api/client';
import { currentSession, endSession, type Session } from './api/session';
import { Shell } from './layout/Shell';
import { HomePage } from './pages/HomePage';
import { MyWorkPage } from './pages/MyWorkPage';
import { NodePage } from './pages/NodePage';
import { SignedInPage } from './pages/SignedInPage';
import { SignInPage } from './pages/SignInPage';
import { CALLBACK_PATH } from './api/openid-sign-in';

// The portfolio is the first page most people open: the others load when first visited, so it starts sooner.
const InitiativePage = lazy(() => import('./pages/InitiativePage').then((module) => ({ default: module.InitiativePage })));
const PortfolioInitiativesPage = lazy(() => import('./pages/PortfolioInitiativesPage').then((module) => ({ default: module.PortfolioInitiativesPage })));
const SopReviewPage = lazy(() => import('./pages/SopReviewPage').then((module) => ({ default: module.SopReviewPage })));

const pages = (
  <Suspense fallback={<Loader aria-label="Loading the page" />}>
  <Routes>
    <Route path="/" element={<HomePage />} />
    <Route path="/nodes/:nodeId" element={<NodePage />} />
    <Route path="/nodes/:nodeId/sop" element={<SopReviewPage />} />
    <Route path="/nodes/:nodeId/initiatives" element={<PortfolioInitiativesPage />} />
    <Route path="/initiatives/:initiativeId" element={<InitiativePage />} />
    <Route path="/work" element={<MyWorkPage />} />
    <Route path="*" element={<Navigate to="/" replace />} />
  </Routes>
  </Suspense>
);

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
