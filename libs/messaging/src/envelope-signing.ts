import type { SigningSettings, TrustedSigningKeys } from '@tollgate/config';
import { ENVELOPE_SIGNATURE_HEADERS, eventOwner, PRODUCING_SERVICES, sourceOf, type EventEnvelope, type ProducingService } from '@tollgate/contracts';
import { sign, verify, type KeyObject } from 'node:crypto';
import type { IHeaders } from 'kafkajs';

/** Signs what one service publishes: the headers that travel with each message value. */
export class EnvelopeSigner {
  constructor(
    private readonly service: ProducingService,
    private readonly keyId: string,
    private readonly privateKey: KeyObject,
  ) {}

  static of(service: ProducingService, signing: SigningSettings): EnvelopeSigner {
    return new EnvelopeSigner(service, signing.keyId, signing.privateKey);
  }

  headers(value: Buffer): Record<string, string> {
    return {
      [ENVELOPE_SIGNATURE_HEADERS.signer]: this.service,
      [ENVELOPE_SIGNATURE_HEADERS.keyId]: this.keyId,
      [ENVELOPE_SIGNATURE_HEADERS.signature]: sign(null, value, this.privateKey).toString('base64'),
    };
  }
}

/** A Kafka header's value as text (its first, when given more than once), or undefined when absent. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * Checks who wrote an internal envelope: a signature by a key in the
 * keyring, and then that the signer owns the event's type. An event is
 * believed only from the service that owns it; anything else is a reason
 * to dead-letter.
 */
export class EnvelopeVerifier {
  constructor(private readonly trusted: TrustedSigningKeys) {}

  /** The service whose key signed these bytes, or why none did. */
  signer(value: Buffer | null, headers: IHeaders | undefined): { ok: true; signer: ProducingService } | { ok: false; reason: string } {
    const signer = headerText(headers, ENVELOPE_SIGNATURE_HEADERS.signer);
    const keyId = headerText(headers, ENVELOPE_SIGNATURE_HEADERS.keyId);
    const signature = headerText(headers, ENVELOPE_SIGNATURE_HEADERS.signature);
    if (!signer || !keyId || !signature) return { ok: false, reason: 'unsigned: an internal event must carry its producer\'s signature' };
    if (!PRODUCING_SERVICES.includes(signer as ProducingService)) return { ok: false, reason: `bad signature: unknown signer '${signer.slice(0, 40)}'` };
    const keys = this.trusted[signer as ProducingService];
    const key = Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
    if (!key) return { ok: false, reason: `bad signature: no trusted key ${signer}/${keyId.slice(0, 64)}` };
    let valid = false;
    try {
      valid = verify(null, value ?? Buffer.alloc(0), key, Buffer.from(signature, 'base64'));
    } catch {
      valid = false;
    }
    return valid ? { ok: true, signer: signer as ProducingService } : { ok: false, reason: `bad signature: not signed by ${signer}/${keyId}` };
  }

  /** Why a validated event from this signer is not to be believed, if it is not. */
  ownershipProblem(event: EventEnvelope, signer: ProducingService): string | undefined {
    const owner = eventOwner(event);
    if (!owner) return `not an internal event: '${event.type}' comes only from a registered source on its inbound topic`;
    if (owner !== signer) return `wrong producer: '${event.type}' is owned by ${owner}, signed by ${signer}`;
    if (event.source !== sourceOf(owner)) return `wrong source: '${event.type}' must come from ${sourceOf(owner)}, says '${event.source.slice(0, 100)}'`;
    return undefined;
  }
}
