/** Who is signed in: the token the services verify, and what the page shows of the person. */
export interface Session {
  token: string;
  expiresAt: string;
  person: { sub: string; name: string; roles: string[] };
}

const KEY = 'tollgate.session';

// sessionStorage: a tab's sign-in ends with the tab, and a token never outlives its expiry here.
export function currentSession(): Session | null {
  const text = sessionStorage.getItem(KEY);
  if (!text) return null;
  const session = JSON.parse(text) as Session;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export function keepSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
}
