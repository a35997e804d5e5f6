import { DEVELOPMENT_KEY_ID, developmentSigningKey, developmentTrustedKeys } from '@tollgate/config';
import { validateEvent, type EventEnvelope } from '@tollgate/contracts';
import { EnvelopeSigner, EnvelopeVerifier } from './envelope-signing';

const verifier = new EnvelopeVerifier(developmentTrustedKeys());
const signerOf = (service: 'plans' | 'initiatives' | 'finance', keyId = DEVELOPMENT_KEY_ID) => new EnvelopeSigner(service, keyId, developmentSigningKey(service));

function event(source: string): EventEnvelope {
  const parsed = validateEvent({
    id: 'e-1',
    type: 'plans.org-node-created',
    source,
    subject: 'n-1',
    time: '2027-03-01T00:00:00Z',
    schemaVersion: 1,
    data: { nodeId: 'n-1', name: 'Ops', kind: 'program', parentId: null },
  });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}

describe('signed envelopes', () => {
  const value = Buffer.from('{"id":"e-1"}');

  it('names the service whose trusted key signed the bytes', () => {
    expect(verifier.signer(value, signerOf('plans').headers(value))).toEqual({ ok: true, signer: 'plans' });
  });

  it('refuses what is unsigned, tampered with, claimed by another service, or signed by a key not in the keyring', () => {
    expect(verifier.signer(value, {})).toMatchObject({ ok: false, reason: expect.stringMatching(/^unsigned/) });
    expect(verifier.signer(Buffer.from('{"id":"e-2"}'), signerOf('plans').headers(value))).toEqual({ ok: false, reason: 'bad signature: not signed by plans/dev-1' });
    const claimed = { ...signerOf('initiatives').headers(value), 'x-tollgate-signer': 'plans' };
    expect(verifier.signer(value, claimed)).toEqual({ ok: false, reason: 'bad signature: not signed by plans/dev-1' });
    expect(verifier.signer(value, signerOf('plans', 'constructor').headers(value))).toEqual({ ok: false, reason: 'bad signature: no trusted key plans/constructor' });
    expect(verifier.signer(value, { ...signerOf('plans').headers(value), 'x-tollgate-signer': 'erp' })).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown signer 'erp'/) });
  });

  it('believes an event only from the service that owns its type, under that service\'s source', () => {
    expect(verifier.ownershipProblem(event('tollgate/plans'), 'plans')).toBeUndefined();
    expect(verifier.ownershipProblem(event('tollgate/plans'), 'finance')).toBe("wrong producer: 'plans.org-node-created' is owned by plans, signed by finance");
    expect(verifier.ownershipProblem(event('erp/sap'), 'plans')).toBe("wrong source: 'plans.org-node-created' must come from tollgate/plans, says 'erp/sap'");
  });
});
