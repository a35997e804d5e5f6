import { EVENT_DATA_SCHEMAS, type EventType } from '../event-map';
import { FEED_EVENT_TYPES, FEED_TOPICS } from '../feed-events';
import { ALL_TOPICS, deadLetterTopic, TOPICS } from '../topics';
import { PROJECTION_CONSUMERS, producersOfEventType, SERVICE_EVENT_TOPICS, TOPIC_CATALOGUE, topicEntry } from './topic-catalogue';

describe('the topic catalogue', () => {
  it('puts every event type of the event map on a topic', () => {
    const carried = new Set(TOPIC_CATALOGUE.flatMap((entry) => entry.messages.map((message) => message.type)));
    const homeless = Object.keys(EVENT_DATA_SCHEMAS).filter((type) => !carried.has(type as EventType));
    expect(homeless).toEqual([]);
  });

  it('has one entry for every contract topic, and its dead-letter topic', () => {
    expect(TOPIC_CATALOGUE.map((entry) => entry.topic).sort()).toEqual(Object.values(TOPICS).sort());
    expect(TOPIC_CATALOGUE.flatMap((entry) => [entry.topic, entry.deadLetterTopic]).sort()).toEqual([...ALL_TOPICS].sort());
    for (const entry of TOPIC_CATALOGUE) expect(entry.deadLetterTopic).toBe(deadLetterTopic(entry.topic));
  });

  it('puts each family on its owner\'s topic, and the stack probe on all three', () => {
    expect(topicEntry(TOPICS.initiativesEvents)?.messages.map((message) => message.type)).toContain('initiative.created');
    expect(topicEntry(TOPICS.plansEvents)?.messages.map((message) => message.type)).toContain('plans.org-node-created');
    expect(topicEntry(TOPICS.financeEvents)?.messages.map((message) => message.type)).toContain('finance.value-confirmed');
    for (const topic of Object.values(SERVICE_EVENT_TOPICS)) {
      expect(topicEntry(topic)?.messages.map((message) => message.type)).toContain('stack.probe-recorded');
    }
    expect(producersOfEventType('stack.probe-recorded')).toEqual(['plans', 'initiatives', 'finance']);
  });

  it('gives a type that nobody owns no producer, and so no topic', () => {
    expect(producersOfEventType('audit.entry-written' as EventType)).toEqual([]);
    for (const type of FEED_EVENT_TYPES) expect(producersOfEventType(type)).toEqual([]);
  });

  it('takes each feed from FEED_TOPICS: its topic, the service that applies it and the key', () => {
    for (const type of FEED_EVENT_TYPES) {
      const { topic, appliedBy, key } = FEED_TOPICS[type];
      const entry = topicEntry(topic)!;
      expect(entry.signing).toBe('feed-hmac');
      expect(entry.messages).toContainEqual({ id: type, type, key: { from: 'data', field: key } });
      expect(entry.consumers).toContainEqual(expect.objectContaining({ service: appliedBy, accepts: expect.arrayContaining([type]) }));
    }
  });

  it('has finance alone read the signed confirmations of outside finance systems', () => {
    const entry = topicEntry(TOPICS.financeValueConfirmations)!;
    expect(entry.signing).toBe('finance-hmac');
    expect(entry.messages.map((message) => message.type)).toEqual(['finance.value-confirmed']);
    expect(entry.consumers.map((consumer) => consumer.service)).toEqual(['finance']);
  });

  it('names every type a projection applies on one of the topics it reads', () => {
    for (const projection of PROJECTION_CONSUMERS) {
      const carried = projection.topics.flatMap((topic) => topicEntry(topic)!.messages.map((message) => message.type));
      expect({ [projection.purpose]: projection.accepts.filter((type) => !carried.includes(type)) }).toEqual({ [projection.purpose]: [] });
    }
  });

  it('has every consumer apply at least one type of each topic it reads, and never its own topic', () => {
    for (const entry of TOPIC_CATALOGUE) {
      for (const consumer of entry.consumers) {
        expect(consumer.accepts.length).toBeGreaterThan(0);
        expect(entry.producer).not.toEqual({ service: consumer.service });
      }
    }
  });

  it('gives each message id one event type and one way of signing', () => {
    const seen = new Map<string, string>();
    for (const entry of TOPIC_CATALOGUE) {
      for (const message of entry.messages) {
        const meaning = `${message.type} ${entry.signing}`;
        expect(seen.get(message.id) ?? meaning).toBe(meaning);
        seen.set(message.id, meaning);
      }
    }
  });
});
