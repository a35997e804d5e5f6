import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as it arrived: the envelope's recipients and the parsed message. */
export interface ArrivedMail {
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server for a test, in-process (smtp-server): it keeps what
 * arrives, parsed with mailparser, and can refuse the next mails to an
 * address for a while, as a mail server that is away answers (451).
 */
export class TestMailServer {
  readonly arrived: ArrivedMail[] = [];
  private readonly refusals = new Map<string, number>();
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const left = this.refusals.get(address.address) ?? 0;
        if (left > 0) {
          this.refusals.set(address.address, left - 1);
          const error = Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.arrived.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
  }

  static async start(): Promise<TestMailServer> {
    const server = new TestMailServer();
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.server.listen(0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${((this.server as unknown as { server: { address(): AddressInfo } }).server.address()).port}`;
  }

  /** The next `times` mails to `address` are refused as a server that is away refuses them. */
  refuse(address: string, times: number): void {
    this.refusals.set(address, times);
  }

  to(address: string): ParsedMail[] {
    return this.arrived.filter((arrived) => arrived.to.includes(address)).map((arrived) => arrived.mail);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
