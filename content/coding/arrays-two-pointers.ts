import { randomInt, randomInts, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';

const sortedInts = (random: () => number, n: number, min: number, max: number) => randomInts(random, n, min, max).sort((a, b) => a - b);

export const arraysTwoPointers = [
  define({
    slug: 'rotate-the-shelf',
    title: 'Rotate the shelf',
    difficulty: 'easy',
    topics: ['arrays'],
    statement: `A shelf holds items in a row, \`items\`. Every night each item moves one place to the right and the last one wraps around to the front. Return the shelf after \`k\` nights as a new array.

**Constraints:** 0 ≤ n ≤ 50,000; 0 ≤ k ≤ 10⁹. Simulating night by night is too slow for large \`k\`.`,
    fn: 'rotateShelf',
    params: 'items: int[], k: int',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[1, 2, 3, 4, 5], 2], [4, 5, 1, 2, 3]],
      [[[7], 3], [7], 'One item stays where it is.'],
    ],
    tests: [
      ['Empty shelf', [[], 4], []],
      ['No nights', [[1, 2, 3], 0], [1, 2, 3]],
      ['As many nights as items', [[1, 2, 3], 3], [1, 2, 3]],
      ['More nights than items', [[1, 2, 3], 7], [3, 1, 2]],
      ['Two items, one night', [[1, 2], 1], [2, 1]],
      ['A billion nights', [[4, 5, 6], 1_000_000_000], [6, 4, 5]],
      ['Negative values', [[-1, -2, -3, -4], 1], [-4, -1, -2, -3]],
    ],
    generate: (n, random) => [randomInts(random, n, -1e6, 1e6), n * 3 + 7],
    js: `function rotateShelf(items, k) {
  const n = items.length;
  if (n === 0) return [];
  const shift = k % n;
  return items.slice(n - shift).concat(items.slice(0, n - shift));
}`,
    py: `def rotate_shelf(items, k):
    n = len(items)
    if n == 0:
        return []
    shift = k % n
    return items[n - shift:] + items[:n - shift]`,
  }),

  define({
    slug: 'deepest-price-drop',
    title: 'Deepest price drop',
    difficulty: 'easy',
    topics: ['arrays', 'greedy'],
    statement: `Given the daily prices of a share, \`prices\`, return the largest fall from an earlier day to a later day: the most \`prices[i] - prices[j]\` with \`i < j\`. When the price never falls, return \`0\`.

**Constraints:** 0 ≤ n ≤ 50,000; |prices[i]| ≤ 10⁶.`,
    fn: 'deepestDrop',
    params: 'prices: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[5, 9, 3, 8, 1]], 8, 'From 9 down to 1.'],
      [[[1, 2, 3]], 0, 'The price only rises.'],
    ],
    tests: [
      ['No prices', [[]], 0],
      ['One price', [[4]], 0],
      ['Flat', [[2, 2, 2]], 0],
      ['Drop right away', [[10, 1, 5]], 9],
      ['Negative prices', [[-1, -5, 3, -10]], 13],
      ['The high comes late', [[3, 1, 4, 1, 5, 9, 2, 6]], 7],
    ],
    generate: (n, random) => [randomInts(random, n, -1e6, 1e6)],
    js: `function deepestDrop(prices) {
  let high = -Infinity;
  let best = 0;
  for (const p of prices) {
    if (p > high) high = p;
    else if (high - p > best) best = high - p;
  }
  return best;
}`,
    py: `def deepest_drop(prices):
    high = None
    best = 0
    for p in prices:
        if high is None or p > high:
            high = p
        elif high - p > best:
            best = high - p
    return best`,
  }),

  define({
    slug: 'balance-point',
    title: 'Balance point',
    difficulty: 'easy',
    topics: ['arrays'],
    statement: `A plank carries weights \`weights[0..n-1]\`. Return the smallest index \`i\` such that the weights strictly left of \`i\` add up to the same total as the weights strictly right of it, or \`-1\` when there is none. Weights may be negative (they are balloons).

**Constraints:** 0 ≤ n ≤ 50,000; |weights[i]| ≤ 10⁴.`,
    fn: 'balancePoint',
    params: 'weights: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[2, 3, -1, 8, 4]], 3, '2 + 3 − 1 = 4 on the left, 4 on the right.'],
      [[[1, 2, 3]], -1],
    ],
    tests: [
      ['Empty plank', [[]], -1],
      ['One weight', [[5]], 0],
      ['All zero: the first index', [[0, 0, 0]], 0],
      ['Balance at the end', [[1, -1, 5]], 2],
      ['Balance in the middle', [[-3, 7, -3]], 1],
      ['Balance at the start', [[10, -10, 10]], 0],
    ],
    generate: (n, random) => {
      const w = randomInts(random, n, -50, 50);
      // Make the last index balance, so a solution must look everywhere.
      w[n - 1] = 0;
      const sum = w.slice(0, n - 2).reduce((a, b) => a + b, 0);
      w[n - 2] = -sum;
      return [w];
    },
    js: `function balancePoint(weights) {
  let right = weights.reduce((a, b) => a + b, 0);
  let left = 0;
  for (let i = 0; i < weights.length; i++) {
    right -= weights[i];
    if (left === right) return i;
    left += weights[i];
  }
  return -1;
}`,
    py: `def balance_point(weights):
    right = sum(weights)
    left = 0
    for i, w in enumerate(weights):
        right -= w
        if left == right:
            return i
        left += w
    return -1`,
  }),

  define({
    slug: 'stretches-summing-to-target',
    title: 'Stretches that sum to a target',
    difficulty: 'medium',
    topics: ['hashing', 'arrays'],
    statement: `A step counter logs the change in altitude of each step, \`steps\`. Count the contiguous stretches (at least one step long) whose changes add up to exactly \`target\`.

**Constraints:** 0 ≤ n ≤ 50,000; values are small integers, possibly negative. Aim for O(n).`,
    fn: 'countStretches',
    params: 'steps: int[], target: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[1, 2, 3, -2, 2], 3], 4, 'The stretches [1, 2], [3], [3, −2, 2] and [2, 3, −2].'],
      [[[0, 0, 0], 0], 6],
    ],
    tests: [
      ['No steps', [[], 0], 0],
      ['No stretch matches', [[1, 1, 1], 5], 0],
      ['Negative target', [[-1, -1, 1], -1], 3],
      ['One step equal to the target', [[7], 7], 1],
      ['Alternating signs', [[1, -1, 1, -1], 0], 4],
      ['Overlapping stretches', [[2, 2, 2, 2], 4], 3],
    ],
    generate: (n, random) => [randomInts(random, n, -5, 5), randomInt(random, -5, 5)],
    js: `function countStretches(steps, target) {
  const seen = new Map([[0, 1]]);
  let sum = 0;
  let count = 0;
  for (const s of steps) {
    sum += s;
    count += seen.get(sum - target) ?? 0;
    seen.set(sum, (seen.get(sum) ?? 0) + 1);
  }
  return count;
}`,
    py: `def count_stretches(steps, target):
    seen = {0: 1}
    total = 0
    count = 0
    for s in steps:
        total += s
        count += seen.get(total - target, 0)
        seen[total] = seen.get(total, 0) + 1
    return count`,
  }),

  define({
    slug: 'merge-two-queues-by-ticket',
    title: 'Merge two queues by ticket number',
    difficulty: 'easy',
    topics: ['two_pointers', 'arrays'],
    statement: `Two counters hand out tickets and each keeps its waiting list sorted by ticket number, \`a\` and \`b\` (non-decreasing). The counters merge: return one list of all the tickets in non-decreasing order.

**Constraints:** 0 ≤ len(a) + len(b) ≤ 50,000.`,
    fn: 'mergeQueues',
    params: 'a: int[], b: int[]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[1, 4, 7], [2, 3, 9]], [1, 2, 3, 4, 7, 9]],
      [[[], [5]], [5]],
    ],
    tests: [
      ['Both empty', [[], []], []],
      ['Equal tickets', [[1, 1], [1]], [1, 1, 1]],
      ['Negative numbers', [[-5, 0], [-6, 10]], [-6, -5, 0, 10]],
      ['One list all before the other', [[1, 2], [3, 4]], [1, 2, 3, 4]],
      ['Second list empty', [[3, 8], []], [3, 8]],
      ['Interleaved', [[1, 3, 5, 7], [2, 4, 6, 8]], [1, 2, 3, 4, 5, 6, 7, 8]],
    ],
    generate: (n, random) => [sortedInts(random, Math.floor(n / 2), 0, 1e6), sortedInts(random, n - Math.floor(n / 2), 0, 1e6)],
    js: `function mergeQueues(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i] <= b[j] ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}`,
    py: `def merge_queues(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out`,
  }),

  define({
    slug: 'pairs-under-a-budget',
    title: 'Pairs under a budget',
    difficulty: 'medium',
    topics: ['two_pointers', 'arrays'],
    statement: `A shop sells items at \`prices\` (some may be discounts below zero). Count the pairs of different items \`i < j\` whose prices add up to strictly less than \`budget\`.

**Constraints:** 0 ≤ n ≤ 50,000; |prices[i]| ≤ 10⁴. Checking every pair is too slow for the largest shops.`,
    fn: 'pairsUnderBudget',
    params: 'prices: int[], budget: int',
    returns: 'int',
    complexity: 'O(n log n)',
    examples: [
      [[[3, 1, 4, 1, 5], 6], 5],
      [[[1, 1], 2], 0, '1 + 1 is not below 2.'],
    ],
    tests: [
      ['No items', [[], 5], 0],
      ['One item', [[1], 5], 0],
      ['Every pair fits', [[0, 0, 0], 1], 3],
      ['Negative prices', [[-2, -1, 5], 0], 1],
      ['Large budget', [[1, 2, 3, 4], 100], 6],
      ['Nothing fits', [[10, 20], 5], 0],
    ],
    generate: (n, random) => [randomInts(random, n, -1e4, 1e4), randomInt(random, -2000, 2000)],
    js: `function pairsUnderBudget(prices, budget) {
  const p = [...prices].sort((x, y) => x - y);
  let i = 0;
  let j = p.length - 1;
  let count = 0;
  while (i < j) {
    if (p[i] + p[j] < budget) {
      count += j - i;
      i++;
    } else j--;
  }
  return count;
}`,
    py: `def pairs_under_budget(prices, budget):
    p = sorted(prices)
    i, j = 0, len(p) - 1
    count = 0
    while i < j:
        if p[i] + p[j] < budget:
            count += j - i
            i += 1
        else:
            j -= 1
    return count`,
  }),

  define({
    slug: 'sorted-squares',
    title: 'Squares, still sorted',
    difficulty: 'easy',
    topics: ['two_pointers', 'arrays'],
    statement: `Given readings \`nums\` sorted in non-decreasing order (some may be negative), return the squares of the readings, also in non-decreasing order. Do it in one pass, without sorting again.

**Constraints:** 0 ≤ n ≤ 50,000; |nums[i]| ≤ 10⁴.`,
    fn: 'sortedSquares',
    params: 'nums: int[]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[-4, -1, 0, 3, 10]], [0, 1, 9, 16, 100]],
      [[[-3, -3]], [9, 9]],
    ],
    tests: [
      ['Empty', [[]], []],
      ['One negative', [[-2]], [4]],
      ['All negative', [[-5, -3, -1]], [1, 9, 25]],
      ['All positive', [[1, 2, 3]], [1, 4, 9]],
      ['Zeros', [[0, 0]], [0, 0]],
      ['Symmetric', [[-2, -1, 1, 2]], [1, 1, 4, 4]],
    ],
    generate: (n, random) => [sortedInts(random, n, -1e4, 1e4)],
    js: `function sortedSquares(nums) {
  const out = new Array(nums.length);
  let i = 0;
  let j = nums.length - 1;
  for (let k = nums.length - 1; k >= 0; k--) {
    if (Math.abs(nums[i]) > Math.abs(nums[j])) out[k] = nums[i] * nums[i++];
    else out[k] = nums[j] * nums[j--];
  }
  return out;
}`,
    py: `def sorted_squares(nums):
    out = [0] * len(nums)
    i, j = 0, len(nums) - 1
    for k in range(len(nums) - 1, -1, -1):
        if abs(nums[i]) > abs(nums[j]):
            out[k] = nums[i] * nums[i]
            i += 1
        else:
            out[k] = nums[j] * nums[j]
            j -= 1
    return out`,
  }),

  define({
    slug: 'shortest-stretch-reaching-goal',
    title: 'Shortest stretch reaching a goal',
    difficulty: 'medium',
    topics: ['two_pointers', 'arrays'],
    statement: `A runner logs the distance of each lap, \`laps\` (positive integers). Return the fewest consecutive laps whose distances add up to at least \`goal\`, or \`0\` when even all of them fall short.

**Constraints:** 0 ≤ n ≤ 50,000; 1 ≤ laps[i] ≤ 100.`,
    fn: 'shortestStretch',
    params: 'laps: int[], goal: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[2, 1, 5, 2, 3, 2], 7], 2, '5 + 2.'],
      [[[1, 1, 1], 10], 0],
    ],
    tests: [
      ['No laps', [[], 1], 0],
      ['One lap is enough', [[8], 8], 1],
      ['Every lap needed', [[1, 2, 3], 6], 3],
      ['First lap', [[9, 1, 1], 9], 1],
      ['Last lap', [[1, 1, 9], 9], 1],
      ['Exactly the goal in the middle', [[1, 4, 4], 4], 1],
    ],
    generate: (n, random) => [randomInts(random, n, 1, 100), n * 25],
    js: `function shortestStretch(laps, goal) {
  let best = Infinity;
  let sum = 0;
  let start = 0;
  for (let end = 0; end < laps.length; end++) {
    sum += laps[end];
    while (sum >= goal) {
      best = Math.min(best, end - start + 1);
      sum -= laps[start++];
    }
  }
  return best === Infinity ? 0 : best;
}`,
    py: `def shortest_stretch(laps, goal):
    best = None
    total = 0
    start = 0
    for end, lap in enumerate(laps):
        total += lap
        while total >= goal:
            if best is None or end - start + 1 < best:
                best = end - start + 1
            total -= laps[start]
            start += 1
    return best or 0`,
  }),

  define({
    slug: 'longest-stretch-few-letters',
    title: 'Longest stretch with few letters',
    difficulty: 'medium',
    topics: ['two_pointers', 'strings', 'hashing'],
    statement: `A sign painter has only \`k\` colours of paint, one per letter. Return the length of the longest run of consecutive characters of \`text\` that uses at most \`k\` different letters.

**Constraints:** 0 ≤ length ≤ 50,000; 0 ≤ k ≤ 26; lowercase letters only.`,
    fn: 'longestWithFewLetters',
    params: 'text: str, k: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['abcbbd', 2], 4, '"bcbb".'],
      [['xyz', 0], 0],
    ],
    tests: [
      ['Empty text', ['', 3], 0],
      ['More colours than letters', ['abc', 5], 3],
      ['One colour', ['aabbbc', 1], 3],
      ['One letter', ['zzzz', 2], 4],
      ['The run at the end', ['abaccc', 2], 4],
      ['All different', ['abcdef', 3], 3],
    ],
    generate: (n, random) => [randomString(random, n, 'abcdefghij'), 4],
    js: `function longestWithFewLetters(text, k) {
  const counts = new Map();
  let best = 0;
  let start = 0;
  for (let end = 0; end < text.length; end++) {
    counts.set(text[end], (counts.get(text[end]) ?? 0) + 1);
    while (counts.size > k) {
      const c = text[start++];
      const left = counts.get(c) - 1;
      if (left === 0) counts.delete(c);
      else counts.set(c, left);
    }
    best = Math.max(best, end - start + 1);
  }
  return best;
}`,
    py: `def longest_with_few_letters(text, k):
    counts = {}
    best = 0
    start = 0
    for end, ch in enumerate(text):
        counts[ch] = counts.get(ch, 0) + 1
        while len(counts) > k:
            c = text[start]
            start += 1
            counts[c] -= 1
            if counts[c] == 0:
                del counts[c]
        best = max(best, end - start + 1)
    return best`,
  }),

  define({
    slug: 'mirror-each-word',
    title: 'Mirror each word',
    difficulty: 'easy',
    topics: ['strings', 'two_pointers'],
    statement: `Return \`text\` with the characters of every word reversed, keeping the words in their order and every space where it was. A word is a maximal run of characters that are not spaces.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'mirrorWords',
    params: 'text: str',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [['make it work'], 'ekam ti krow'],
      [['  a  bc '], '  a  cb ', 'Spaces stay in place.'],
    ],
    tests: [
      ['Empty text', [''], ''],
      ['One character', ['x'], 'x'],
      ['Only spaces', ['   '], '   '],
      ['Punctuation belongs to the word', ['hi, there!'], ',ih !ereht'],
      ['Three words', ['ab cd ef'], 'ba dc fe'],
      ['Capitals', ['Panel'], 'lenaP'],
    ],
    generate: (n, random) => [randomString(random, n, 'abcde ')],
    js: `function mirrorWords(text) {
  return text
    .split(' ')
    .map((w) => w.split('').reverse().join(''))
    .join(' ');
}`,
    py: `def mirror_words(text):
    return ' '.join(w[::-1] for w in text.split(' '))`,
  }),
];
