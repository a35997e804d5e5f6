/**
 * An event that can never be applied (a business rule refuses it). The
 * consumer dead-letters it with this message as the reason and moves on;
 * any other error is taken as transient and the event is retried.
 */
export class UnprocessableEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnprocessableEventError';
  }
}
