import { DiagnosticSeverity, Parser, type AsyncAPIDocumentInterface, type Diagnostic } from '@asyncapi/parser';
import Ajv from 'ajv';
import { validateEvent } from '../event-envelope';
import { EVENT_DATA_SCHEMAS } from '../event-map';
import { PRODUCING_SERVICES, type ProducingService } from '../event-ownership';
import { ALL_TOPICS, ENVELOPE_SIGNATURE_HEADERS, FINANCE_SIGNATURE_HEADER, TOPICS } from '../topics';
import { asyncApiDocument, type AsyncApiDocument } from './asyncapi-document';

// The spectral rule set behind the parser takes a few seconds for the first document.
jest.setTimeout(60_000);

const parser = new Parser();

function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((diagnostic) => `${diagnostic.code} at ${diagnostic.path.join('.') || '(root)'}: ${diagnostic.message}`).join('\n');
}

async function parsed(document: AsyncApiDocument): Promise<{ document?: AsyncAPIDocumentInterface; errors: Diagnostic[] }> {
  // A copy: the parser may decorate what it is given.
  const output = await parser.parse(structuredClone(document) as never);
  return { document: output.document, errors: output.diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error) };
}

const documents = Object.fromEntries(PRODUCING_SERVICES.map((service) => [service, asyncApiDocument(service)])) as Record<
  ProducingService,
  AsyncApiDocument
>;

describe.each(PRODUCING_SERVICES)('the AsyncAPI document of %s', (service) => {
  it('is a valid AsyncAPI 3.0.0 document: the parser reports no error', async () => {
    const { document, errors } = await parsed(documents[service]);
    if (errors.length > 0) process.stderr.write(`${service}.asyncapi.json:\n${describeDiagnostics(errors)}\n`);
    expect(describeDiagnostics(errors)).toBe('');
    expect(document?.version()).toBe('3.0.0');
    expect(documents[service].info.title).toBe(`Tollgate ${service} service`);
  });

  it('sends onto its own topic and receives nothing from it', () => {
    const own = { plans: TOPICS.plansEvents, initiatives: TOPICS.initiativesEvents, finance: TOPICS.financeEvents }[service];
    const operations = Object.values(documents[service].operations).filter((operation) => operation.channel.$ref === `#/channels/${own}`);
    expect(operations.map((operation) => operation.action)).toEqual(['send']);
  });
});

describe('the AsyncAPI documents together', () => {
  const all = Object.values(documents);

  it('describe every event type of the event map as a message of some service', () => {
    const described = new Set(all.flatMap((document) => Object.values(document.components.messages).map((message) => message.payload.properties?.type)));
    const missing = Object.keys(EVENT_DATA_SCHEMAS).filter((type) => ![...described].some((schema) => (schema as { const?: string })?.const === type));
    expect(missing).toEqual([]);
  });

  it('have every topic, and every dead-letter topic, as a channel of some service', () => {
    const channels = new Set(all.flatMap((document) => Object.values(document.channels).map((channel) => channel.address)));
    expect(ALL_TOPICS.filter((topic) => !channels.has(topic))).toEqual([]);
  });

  it('put the topic prefix into the addresses and keep the contract names as channel ids', () => {
    const prefixed = asyncApiDocument('finance', { topicPrefix: 'test.', serverHost: ['kafka-1:9092', 'kafka-2:9092'] });
    expect(prefixed.channels[TOPICS.financeValueConfirmations].address).toBe('test.finance.value-confirmations');
    expect(Object.values(prefixed.servers).map((server) => server.host)).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(documents.finance.servers.kafka).toEqual(expect.objectContaining({ host: '127.0.0.1:9092', protocol: 'kafka' }));
  });

  it('are checked for real: the parser reports a broken document', async () => {
    const broken = structuredClone(documents.finance);
    broken.operations[`${TOPICS.financeEvents}.send`].messages.push({ $ref: '#/channels/tollgate.finance.events/messages/no-such-message' });
    expect((await parsed(broken)).errors.length).toBeGreaterThan(0);
  });
});

describe('a message schema as the parsed document gives it', () => {
  // Strict mode would refuse the parser's own `x-parser-*` annotations; the patterns carry the formats.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const good = {
    id: 'e-1',
    type: 'finance.value-confirmed',
    source: 'erp/sap-fi',
    subject: 'i-1',
    time: '2027-04-02T09:00:00Z',
    schemaVersion: 1,
    data: { confirmationId: 'c-1', initiativeId: 'i-1', period: '2027-03', amount: 120000, currency: 'EUR', reference: 'FI 4711', controllerId: 'cleo' },
  };
  const bad = {
    'a fractional amount': { ...good, data: { ...good.data, amount: 12.5 } },
    'a lower-case currency': { ...good, data: { ...good.data, currency: 'eur' } },
    'a period without its leading zero': { ...good, data: { ...good.data, period: '2027-3' } },
    'no controller': { ...good, data: { ...good.data, controllerId: undefined } },
    'no data': { ...good, data: undefined },
    'another event type': { ...good, type: 'finance.confirmation-rejected' },
    'a time without an offset': { ...good, time: '2027-04-02T09:00:00' },
  };
  let inbound: { payload: object; headers: object };

  beforeAll(async () => {
    const { document } = await parsed(documents.finance);
    const message = document!.messages().get('finance.value-confirmed.inbound')!;
    inbound = { payload: message.payload()!.json(), headers: message.headers()!.json() };
  });

  it('accepts a confirmation as finance systems send it, as the zod schema does', () => {
    const validate = ajv.compile(inbound.payload);
    expect(validate(good) ? [] : validate.errors).toEqual([]);
    expect(validateEvent(good)).toMatchObject({ ok: true });
  });

  it.each(Object.entries(bad))('rejects %s, as the zod schema does', (_case, payload) => {
    const json = JSON.parse(JSON.stringify(payload)) as unknown;
    expect(ajv.validate(inbound.payload, json)).toBe(false);
    expect(validateEvent(json)).toMatchObject({ ok: false });
  });

  it('requires the HMAC signature header, and internal envelopes the producer\'s signature', () => {
    expect(ajv.validate(inbound.headers, { [FINANCE_SIGNATURE_HEADER]: `sha256=${'a'.repeat(64)}` })).toBe(true);
    expect(ajv.validate(inbound.headers, {})).toBe(false);
    expect(ajv.validate(inbound.headers, { [FINANCE_SIGNATURE_HEADER]: 'md5=abc' })).toBe(false);
    const internal = documents.finance.components.messages['finance.value-confirmed'].headers;
    const signed = { [ENVELOPE_SIGNATURE_HEADERS.signer]: 'finance', [ENVELOPE_SIGNATURE_HEADERS.keyId]: 'dev-1', [ENVELOPE_SIGNATURE_HEADERS.signature]: 'c2ln' };
    expect(ajv.validate(internal, signed)).toBe(true);
    expect(ajv.validate(internal, { ...signed, [ENVELOPE_SIGNATURE_HEADERS.signer]: 'plans' })).toBe(false);
  });
});
