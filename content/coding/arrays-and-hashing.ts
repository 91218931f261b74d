import { randomInt, randomInts, randomString } from '../../src/core/coding/problem.js';
import { problem } from './define.js';

export const arraysAndHashing = [
  problem({
    slug: 'pair-with-target-sum',
    title: 'Pair with target sum',
    difficulty: 'easy',
    topics: ['arrays', 'hashing'],
    statement: `Given an array of integers \`nums\` and an integer \`target\`, return the indices \`[i, j]\` (with \`i < j\`) of the two numbers that add up to \`target\`.

Exactly one pair adds up to \`target\`. The same element cannot be used twice.

**Constraints:** 2 ≤ n ≤ 50,000; values and target fit in 32-bit integers.`,
    entry: { javascript: 'pairWithTargetSum', python: 'pair_with_target_sum' },
    signature: {
      javascript: 'nums, target',
      typescript: 'nums: number[], target: number',
      tsReturn: 'number[]',
      python: 'nums: list[int], target: int',
      pyReturn: 'list[int]',
    },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [[4, 9, 2, 6], 10], expected: [0, 3], explanation: '4 + 6 = 10.' },
      { name: 'Example 2', args: [[5, 5], 10], expected: [0, 1] },
    ],
    tests: [
      { name: 'Negative numbers', args: [[-3, 8, 2, -7], -5], expected: [2, 3] },
      { name: 'Pair at the ends', args: [[1, 20, 30, 40, 2], 3], expected: [0, 4] },
      { name: 'Zero target with opposites', args: [[7, -1, 0, 1], 0], expected: [1, 3] },
      { name: 'Duplicates, only one pair works', args: [[3, 3, 4, 9], 13], expected: [2, 3] },
      { name: 'Large values', args: [[2147483000, -2147483000, 5], 0], expected: [0, 1] },
    ],
    // Distinct values well apart, the pair placed at the far end so a nested loop does all its work.
    generate: (n, random) => {
      const nums = Array.from({ length: n }, (_, i) => i * 4 + 1);
      const a = nums[n - 2]!;
      const b = nums[n - 1]!;
      void random;
      return [nums, a + b];
    },
    solutions: {
      javascript: `function pairWithTargetSum(nums, target) {
  const seen = new Map();
  for (let j = 0; j < nums.length; j++) {
    const need = target - nums[j];
    if (seen.has(need)) return [seen.get(need), j];
    if (!seen.has(nums[j])) seen.set(nums[j], j);
  }
  return [];
}`,
      python: `def pair_with_target_sum(nums, target):
    seen = {}
    for j, value in enumerate(nums):
        need = target - value
        if need in seen:
            return [seen[need], j]
        seen.setdefault(value, j)
    return []`,
    },
  }),

  problem({
    slug: 'longest-run-of-consecutive-values',
    title: 'Longest run of consecutive values',
    difficulty: 'medium',
    topics: ['hashing', 'arrays'],
    statement: `Given an unsorted array of integers \`nums\`, return the length of the longest set of values that form a run of consecutive integers (like 4, 5, 6, 7), in any order in the array.

Duplicates count once. An empty array has no run: return 0.

**Constraints:** 0 ≤ n ≤ 50,000. Aim for O(n).`,
    entry: { javascript: 'longestRun', python: 'longest_run' },
    signature: {
      javascript: 'nums',
      typescript: 'nums: number[]',
      tsReturn: 'number',
      python: 'nums: list[int]',
      pyReturn: 'int',
    },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [[10, 4, 20, 1, 3, 2]], expected: 4, explanation: 'The run 1, 2, 3, 4.' },
      { name: 'Example 2', args: [[0, 0, -1]], expected: 2 },
    ],
    tests: [
      { name: 'Empty array', args: [[]], expected: 0 },
      { name: 'Single value', args: [[42]], expected: 1 },
      { name: 'No neighbours', args: [[1, 3, 5, 7]], expected: 1 },
      { name: 'Negative run', args: [[-5, -3, -4, -2, 9]], expected: 4 },
      { name: 'Two runs, the later longer', args: [[1, 2, 50, 51, 52, 53, 3]], expected: 4 },
      { name: 'Many duplicates', args: [[2, 2, 2, 3, 3, 1]], expected: 3 },
    ],
    generate: (n, random) => {
      const nums = randomInts(random, n, -n * 3, n * 3);
      return [nums];
    },
    solutions: {
      javascript: `function longestRun(nums) {
  const values = new Set(nums);
  let best = 0;
  for (const v of values) {
    if (values.has(v - 1)) continue;
    let end = v;
    while (values.has(end + 1)) end++;
    best = Math.max(best, end - v + 1);
  }
  return best;
}`,
      python: `def longest_run(nums):
    values = set(nums)
    best = 0
    for v in values:
        if v - 1 in values:
            continue
        end = v
        while end + 1 in values:
            end += 1
        best = max(best, end - v + 1)
    return best`,
    },
  }),

  problem({
    slug: 'products-of-all-others',
    title: 'Products of all the others',
    difficulty: 'medium',
    topics: ['arrays'],
    statement: `Given an integer array \`nums\`, return an array \`out\` where \`out[i]\` is the product of every element of \`nums\` except \`nums[i]\`.

Do it without division, in O(n). Every product fits in a 32-bit integer in the tests; return \`0\` (not \`-0\`) for zero products.

**Constraints:** 2 ≤ n ≤ 50,000.`,
    entry: { javascript: 'productsOfOthers', python: 'products_of_others' },
    signature: {
      javascript: 'nums',
      typescript: 'nums: number[]',
      tsReturn: 'number[]',
      python: 'nums: list[int]',
      pyReturn: 'list[int]',
    },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [[1, 2, 3, 4]], expected: [24, 12, 8, 6] },
      { name: 'Example 2', args: [[2, 0, 5]], expected: [0, 10, 0] },
    ],
    tests: [
      { name: 'Two elements', args: [[3, 7]], expected: [7, 3] },
      { name: 'Two zeros', args: [[0, 4, 0]], expected: [0, 0, 0] },
      { name: 'Negatives', args: [[-1, 2, -3]], expected: [-6, 3, -2] },
      { name: 'All ones', args: [[1, 1, 1, 1, 1]], expected: [1, 1, 1, 1, 1] },
      { name: 'Zero with negatives', args: [[-2, 0, 3]], expected: [0, -6, 0] },
    ],
    // Mostly ones and minus ones, so products stay small however long the array.
    generate: (n, random) => [Array.from({ length: n }, () => (random() < 0.5 ? 1 : -1) * (random() < 0.001 ? 2 : 1))],
    solutions: {
      javascript: `function productsOfOthers(nums) {
  const n = nums.length;
  const out = new Array(n).fill(1);
  let left = 1;
  for (let i = 0; i < n; i++) {
    out[i] = left;
    left *= nums[i];
  }
  let right = 1;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = out[i] * right + 0;
    right *= nums[i];
  }
  return out.map((v) => (v === 0 ? 0 : v));
}`,
      python: `def products_of_others(nums):
    n = len(nums)
    out = [1] * n
    left = 1
    for i in range(n):
        out[i] = left
        left *= nums[i]
    right = 1
    for i in range(n - 1, -1, -1):
        out[i] *= right
        right *= nums[i]
    return out`,
    },
  }),

  problem({
    slug: 'anagram-groups',
    title: 'Anagram groups',
    difficulty: 'medium',
    topics: ['hashing', 'strings'],
    statement: `Given a list of lowercase words, group the words that are anagrams of each other (the same letters, in any order).

Return the groups in any order, and the words inside a group in any order. Every word belongs to exactly one group; a duplicate word appears in its group as often as in the input.

**Constraints:** 0 ≤ n ≤ 50,000 words of at most 8 letters.`,
    entry: { javascript: 'anagramGroups', python: 'anagram_groups' },
    signature: {
      javascript: 'words',
      typescript: 'words: string[]',
      tsReturn: 'string[][]',
      python: 'words: list[str]',
      pyReturn: 'list[list[str]]',
    },
    comparison: 'unordered_nested',
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [['listen', 'stone', 'silent', 'notes', 'tab']], expected: [['listen', 'silent'], ['stone', 'notes'], ['tab']] },
      { name: 'Example 2', args: [['a']], expected: [['a']] },
    ],
    tests: [
      { name: 'No words', args: [[]], expected: [] },
      { name: 'Empty word', args: [['', '']], expected: [['', '']] },
      { name: 'No anagrams at all', args: [['ab', 'cd', 'ef']], expected: [['ab'], ['cd'], ['ef']] },
      { name: 'Same letters, different counts', args: [['aab', 'abb', 'bab']], expected: [['aab'], ['abb', 'bab']] },
      { name: 'Duplicates stay', args: [['pots', 'stop', 'pots', 'tops']], expected: [['pots', 'stop', 'pots', 'tops']] },
    ],
    generate: (n, random) => [Array.from({ length: n }, () => randomString(random, randomInt(random, 1, 5), 'abcdef'))],
    solutions: {
      javascript: `function anagramGroups(words) {
  const groups = new Map();
  for (const word of words) {
    const key = [...word].sort().join('');
    const group = groups.get(key);
    if (group) group.push(word);
    else groups.set(key, [word]);
  }
  return [...groups.values()];
}`,
      python: `def anagram_groups(words):
    groups = {}
    for word in words:
        groups.setdefault(''.join(sorted(word)), []).append(word)
    return list(groups.values())`,
    },
  }),

  problem({
    slug: 'most-frequent-values',
    title: 'Most frequent values',
    difficulty: 'medium',
    topics: ['hashing', 'heaps'],
    statement: `Given an integer array \`nums\` and an integer \`k\`, return the \`k\` values that occur most often, most frequent first. Break ties by the smaller value first.

**Constraints:** 1 ≤ n ≤ 50,000; 1 ≤ k ≤ number of distinct values.`,
    entry: { javascript: 'mostFrequent', python: 'most_frequent' },
    signature: {
      javascript: 'nums, k',
      typescript: 'nums: number[], k: number',
      tsReturn: 'number[]',
      python: 'nums: list[int], k: int',
      pyReturn: 'list[int]',
    },
    expectedComplexity: 'O(n log n)',
    examples: [
      { name: 'Example 1', args: [[4, 4, 4, 2, 2, 9], 2], expected: [4, 2] },
      { name: 'Example 2', args: [[7], 1], expected: [7] },
    ],
    tests: [
      { name: 'Ties broken by value', args: [[5, 3, 5, 3, 1], 2], expected: [3, 5] },
      { name: 'All distinct', args: [[9, 8, 7], 3], expected: [7, 8, 9] },
      { name: 'Negative values', args: [[-1, -1, -2, -2, -2, 0], 1], expected: [-2] },
      { name: 'k equals distinct count', args: [[1, 1, 2, 3, 3, 3], 3], expected: [3, 1, 2] },
      { name: 'Many ties', args: [[6, 5, 4, 3, 2, 1, 1, 2], 2], expected: [1, 2] },
    ],
    generate: (n, random) => [randomInts(random, n, 0, Math.floor(n / 2)), 10],
    solutions: {
      javascript: `function mostFrequent(nums, k) {
  const counts = new Map();
  for (const v of nums) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([v]) => v);
}`,
      python: `from collections import Counter

def most_frequent(nums, k):
    counts = Counter(nums)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [value for value, _ in ranked[:k]]`,
    },
  }),

  problem({
    slug: 'best-contiguous-sum',
    title: 'Best contiguous sum',
    difficulty: 'easy',
    topics: ['arrays', 'dynamic_programming'],
    statement: `Given a non-empty integer array \`nums\`, return the largest sum of a non-empty contiguous slice of it.

**Constraints:** 1 ≤ n ≤ 50,000; |nums[i]| ≤ 10,000.`,
    entry: { javascript: 'bestContiguousSum', python: 'best_contiguous_sum' },
    signature: {
      javascript: 'nums',
      typescript: 'nums: number[]',
      tsReturn: 'number',
      python: 'nums: list[int]',
      pyReturn: 'int',
    },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [[-2, 3, -1, 4, -6, 2]], expected: 6, explanation: 'The slice 3, -1, 4.' },
      { name: 'Example 2', args: [[5]], expected: 5 },
    ],
    tests: [
      { name: 'All negative', args: [[-8, -3, -5]], expected: -3 },
      { name: 'All positive', args: [[1, 2, 3, 4]], expected: 10 },
      { name: 'Zeros', args: [[0, 0, 0]], expected: 0 },
      { name: 'Best at the end', args: [[-1, -1, 7, 8]], expected: 15 },
      { name: 'Dip worth crossing', args: [[5, -2, 5]], expected: 8 },
      { name: 'Dip not worth crossing', args: [[5, -9, 5]], expected: 5 },
    ],
    generate: (n, random) => [randomInts(random, n, -10000, 10000)],
    solutions: {
      javascript: `function bestContiguousSum(nums) {
  let best = nums[0];
  let current = 0;
  for (const v of nums) {
    current = Math.max(v, current + v);
    best = Math.max(best, current);
  }
  return best;
}`,
      python: `def best_contiguous_sum(nums):
    best = nums[0]
    current = 0
    for v in nums:
        current = max(v, current + v)
        best = max(best, current)
    return best`,
    },
  }),

  problem({
    slug: 'merge-overlapping-ranges',
    title: 'Merge overlapping ranges',
    difficulty: 'medium',
    topics: ['arrays', 'greedy'],
    statement: `Given a list of closed ranges \`[start, end]\` (start ≤ end), merge every set of ranges that overlap or touch (share an end point) and return the merged ranges sorted by start.

**Constraints:** 0 ≤ n ≤ 50,000; 0 ≤ start ≤ end ≤ 10⁹.`,
    entry: { javascript: 'mergeRanges', python: 'merge_ranges' },
    signature: {
      javascript: 'ranges',
      typescript: 'ranges: number[][]',
      tsReturn: 'number[][]',
      python: 'ranges: list[list[int]]',
      pyReturn: 'list[list[int]]',
    },
    expectedComplexity: 'O(n log n)',
    examples: [
      {
        name: 'Example 1',
        args: [
          [
            [8, 10],
            [1, 3],
            [2, 6],
            [15, 18],
          ],
        ],
        expected: [
          [1, 6],
          [8, 10],
          [15, 18],
        ],
      },
      {
        name: 'Example 2',
        args: [
          [
            [1, 4],
            [4, 5],
          ],
        ],
        expected: [[1, 5]],
        explanation: 'Ranges that touch merge.',
      },
    ],
    tests: [
      { name: 'No ranges', args: [[]], expected: [] },
      { name: 'One range', args: [[[3, 3]]], expected: [[3, 3]] },
      {
        name: 'Nested ranges',
        args: [
          [
            [1, 10],
            [2, 3],
            [4, 5],
          ],
        ],
        expected: [[1, 10]],
      },
      {
        name: 'Gaps of one',
        args: [
          [
            [5, 6],
            [1, 2],
            [3, 4],
          ],
        ],
        expected: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      },
      {
        name: 'Chain out of order',
        args: [
          [
            [7, 9],
            [2, 4],
            [4, 7],
          ],
        ],
        expected: [[2, 9]],
      },
    ],
    generate: (n, random) => [
      Array.from({ length: n }, () => {
        const start = randomInt(random, 0, n * 20);
        return [start, start + randomInt(random, 0, 15)];
      }),
    ],
    solutions: {
      javascript: `function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}`,
      python: `def merge_ranges(ranges):
    out = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out`,
    },
  }),
];
