import type { CodingTopic } from '../../contract/index.js';

export const topicLabels: Record<CodingTopic, string> = {
  arrays: 'Arrays',
  strings: 'Strings',
  hashing: 'Hashing',
  two_pointers: 'Two pointers',
  stacks_queues: 'Stacks and queues',
  trees: 'Trees',
  graphs: 'Graphs',
  heaps: 'Heaps',
  greedy: 'Greedy',
  dynamic_programming: 'Dynamic programming',
  sql: 'SQL',
};
