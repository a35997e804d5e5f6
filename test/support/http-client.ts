import { issueDevelopmentToken } from '@tollgate/auth';
import type { Role } from '@tollgate/domain';
import { TEST_ENVIRONMENT } from './test-environment';

export interface Person {
  id: string;
  roles: Role[];
}

// Answers are asserted field by field in the tests; typing every body would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any;

export interface HttpAnswer<T = JsonBody> {
  status: number;
  body: T;
}

/** Calls a service's API as a person, with a development token, as a client would. */
export function apiAs(baseUrl: string, person: Person | null) {
  const token = person ? issueDevelopmentToken({ sub: person.id, roles: person.roles }, TEST_ENVIRONMENT.jwtSecret) : null;
  async function call<T = JsonBody>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  return {
    get: <T = JsonBody>(path: string) => call<T>('GET', path),
    post: <T = JsonBody>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    put: <T = JsonBody>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T = JsonBody>(path: string, body: unknown) => call<T>('PATCH', path, body),
    delete: <T = JsonBody>(path: string) => call<T>('DELETE', path),
  };
}
