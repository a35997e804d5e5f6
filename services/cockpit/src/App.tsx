import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { onSignedOut } from './api/client';
import { currentSession, endSession, type Session } from './api/session';
import { Shell } from './layout/Shell';
import { HomePage } from './pages/HomePage';
import { InitiativePage } from './pages/InitiativePage';
import { MyWorkPage } from './pages/MyWorkPage';
import { NodePage } from './pages/NodePage';
import { SignInPage } from './pages/SignInPage';

export function App() {
  const [session, setSession] = useState<Session | null>(() => currentSession());
  const navigate = useNavigate();
  const location = useLocation();

  // An ended sign-in sends the person to sign in again, and back to where they were afterwards.
  useEffect(
    () =>
      onSignedOut(() => {
        endSession();
        setSession(null);
      }),
    [],
  );

  if (!session) {
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
    <Shell
      session={session}
      onSignOut={() => {
        endSession();
        setSession(null);
      }}
    >
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/nodes/:nodeId" element={<NodePage />} />
        <Route path="/initiatives/:initiativeId" element={<InitiativePage />} />
        <Route path="/work" element={<MyWorkPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}
