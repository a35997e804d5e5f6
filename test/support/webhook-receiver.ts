import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it arrived: its path and its JSON body. */
export interface ReceivedPost {
  path: string;
  body: unknown;
}

/**
 * A real HTTP receiver for chat webhooks in a test: it keeps each POST's
 * body and answers with the statuses it is given in turn (a webhook that
 * fails, then accepts), then 200.
 */
export class WebhookReceiver {
  readonly received: ReceivedPost[] = [];
  private readonly answers = new Map<string, number[]>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const holder: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const status = holder.receiver!.answers.get(path)?.shift() ?? 200;
        if (status < 300) holder.receiver!.received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'try later');
      });
    });
    const receiver = (holder.receiver = new WebhookReceiver(server));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The next answers to POSTs on `path`, in turn. */
  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }

  on(path: string): unknown[] {
    return this.received.filter((post) => post.path === path).map((post) => post.body);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
