import { randomUUID } from 'node:crypto';
import { apiAs, type HttpAnswer, type Person } from './http-client';

/** What a patient client saw: commands sent, retries, and those that never got an answer in time. */
export interface CommandCounts {
  sent: number;
  retries: number;
  lost: number;
}

const TRANSIENT = new Set([502, 503, 504]);

/**
 * A client that behaves as docs/initiatives.md asks of one during an outage: each
 * command carries one Idempotency-Key, and a refused connection or a 503 is
 * retried with that key until an answer comes or the deadline passes. A
 * command still unanswered then is counted as lost.
 */
export class PatientClient {
  readonly counts: CommandCounts = { sent: 0, retries: 0, lost: 0 };

  constructor(private readonly deadlineMs = 180_000) {}

  async command(baseUrl: () => string, person: Person, method: 'post' | 'put', path: string, body?: unknown, accept: (answer: HttpAnswer) => boolean = () => true): Promise<HttpAnswer> {
    const key = randomUUID();
    const started = Date.now();
    this.counts.sent += 1;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) this.counts.retries += 1;
      try {
        const client = apiAs(baseUrl(), person);
        const answer = method === 'post' ? await client.post(path, body, { 'idempotency-key': key }) : await client.put(path, body);
        if (!TRANSIENT.has(answer.status) && accept(answer)) return answer;
      } catch {
        // The service was killed or is restarting: the connection was refused or cut.
      }
      if (Date.now() - started > this.deadlineMs) {
        this.counts.lost += 1;
        throw new Error(`${method.toUpperCase()} ${path} got no answer within ${this.deadlineMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250 + Math.min(2000, attempt * 250)));
    }
  }

  /** A read retried the same way (reads never change anything). */
  async read(baseUrl: () => string, person: Person, path: string, until: (answer: HttpAnswer) => boolean = (answer) => answer.status === 200): Promise<HttpAnswer> {
    const started = Date.now();
    for (;;) {
      try {
        const answer = await apiAs(baseUrl(), person).get(path);
        if (until(answer)) return answer;
      } catch {
        // as above
      }
      if (Date.now() - started > this.deadlineMs) throw new Error(`GET ${path} did not answer as expected within ${this.deadlineMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
