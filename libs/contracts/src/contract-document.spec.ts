import { ROLES, STAGES } from '@tollgate/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECTION_CONSUMERS } from './asyncapi/topic-catalogue';
import { SEARCH_ATTRIBUTES, TASK_QUEUES } from './temporal';
import { TOPICS } from './topics';

// docs/contract.md is what other systems and people rely on: it must say what the code does.
const contract = readFileSync(path.resolve(__dirname, '../../../docs/contract.md'), 'utf8');
const rowOf = (first: string) => contract.split('\n').find((line) => line.startsWith(`| ${first} |`))?.split('|').map((cell) => cell.trim()) ?? [];

describe('the contract document', () => {
  it('lists every role, stage, topic, task queue and search attribute the code has, and no other', () => {
    expect(ROLES.filter((role) => rowOf(`\`${role}\``).length === 0)).toEqual([]);
    expect(STAGES.filter(({ stage, name }) => rowOf(String(stage))[2] !== name)).toEqual([]);
    expect(Object.values(TOPICS).filter((topic) => rowOf(`\`${topic}\``).length === 0)).toEqual([]);
    expect(Object.values(TASK_QUEUES).filter((queue) => rowOf(`\`${queue}\``).length === 0)).toEqual([]);
    expect(Object.values(SEARCH_ATTRIBUTES).filter((attribute) => !contract.includes(`\`${attribute.name}\``))).toEqual([]);
    const listedTopics = contract.split('\n').filter((line) => /^\| `[a-z.-]+` \| .* \| .* \|$/.test(line) && line.includes('.')).map((line) => line.split('`')[1]);
    expect(listedTopics.filter((topic) => !(Object.values(TOPICS) as string[]).includes(topic))).toEqual([]);
  });

  it('names as readers of each internal topic exactly the services whose projections read it', () => {
    for (const topic of [TOPICS.plansEvents, TOPICS.initiativesEvents, TOPICS.financeEvents]) {
      const readers = [...new Set(PROJECTION_CONSUMERS.filter((consumer) => consumer.topics.includes(topic)).map((consumer) => consumer.service))].sort();
      expect({ topic, readers: rowOf(`\`${topic}\``)[3]?.split(', ').sort() }).toEqual({ topic, readers });
    }
  });
});
