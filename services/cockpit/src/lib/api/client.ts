import type { CockpitSettings } from '@tollgate/contracts/views';
import { currentSession } from '../session';

/** The services as the page reaches them; plans is the page's own origin. */
export type ServiceName = keyof CockpitSettings['services'];

/** A refusal by a service, with what it said: the page shows the message where the person acted. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }

  /** What a person should do about it, by status. */
  get advice(): string {
    if (this.status === 401) return 'Your sign-in has ended. Sign in again.';
    if (this.status === 403) return 'You do not hold the right for this.';
    if (this.status === 503) return 'A part of Tollgate is unavailable. Try again in a moment.';
    if (this.status === 0) return 'Tollgate cannot be reached. Check your connection.';
    return '';
  }
}

let settings: CockpitSettings | undefined;

export async function loadSettings(): Promise<CockpitSettings> {
  if (!settings) {
    const answer = await fetch('/api/cockpit/settings');
    if (!answer.ok) throw new ApiError(answer.status, 'the cockpit settings could not be read');
    settings = (await answer.json()) as CockpitSettings;
  }
  return settings;
}

/** Listeners told when a service answers 401, so the page can ask to sign in again. */
const signedOut = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
}

/** `key`: an Idempotency-Key, so that a command sent twice (a double click, a retry after a lost answer) is applied once. */
export async function call<T>(service: ServiceName, path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<T> {
  const { answer, session } = await sendSigned(service, path, init);
  const text = await answer.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!answer.ok) {
    // Only for the sign-in it was sent with: a refresh still under way with an ended token must not end the new one.
    if (answer.status === 401 && currentSession()?.token === session?.token) signedOut.forEach((listener) => listener());
    throw new ApiError(answer.status, body?.message ?? answer.statusText, body?.unmet ?? body?.details ?? []);
  }
  return body as T;
}

/** Fetches a file a service answers (a PDF) with the sign-in, and hands it to the browser as a download named `filename`. */
export async function download(service: ServiceName, path: string, filename: string): Promise<void> {
  const { answer } = await sendSigned(service, path);
  if (!answer.ok) throw new ApiError(answer.status, answer.statusText);
  const url = URL.createObjectURL(await answer.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  // The browser has started the download once the click returns; the address is no longer needed after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A request to a service with the sign-in, and the sign-in it went with; a service out of reach is an ApiError with status 0. */
async function sendSigned(service: ServiceName, path: string, init: { method?: string; body?: unknown; key?: string } = {}) {
  const { services } = await loadSettings();
  const session = currentSession();
  try {
    const answer = await fetch(`${services[service]}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { answer, session };
  } catch {
    throw new ApiError(0, `${service} cannot be reached`);
  }
}
