import { randomInts, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';

const MOD_NOTE = 'The count can be huge: return it modulo 1,000,000,007.';

export const dynamicProgramming = [
  define({
    slug: 'ways-up-the-tower',
    title: 'Ways up the tower',
    difficulty: 'easy',
    topics: ['dynamic_programming'],
    statement: `A tower has \`n\` stairs. With each stride you climb exactly one of the sizes in \`strides\` (distinct positive integers). Count the different sequences of strides that end exactly on stair \`n\` (for \`n = 0\`, the empty sequence: 1). ${MOD_NOTE}

**Constraints:** 0 ≤ n ≤ 50,000; 1 ≤ strides ≤ 10.`,
    fn: 'waysUp',
    params: 'n: int, strides: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[4, [1, 2]], 5],
      [[3, [2]], 0, 'Strides of two never land on stair three.'],
    ],
    tests: [
      ['Ground floor', [0, [2]], 1],
      ['Three sizes', [10, [1, 2, 3]], 274],
      ['One stride the whole way', [7, [7]], 1],
      ['Small and large', [5, [1, 5]], 2],
      ['Twos and threes', [6, [2, 3]], 2],
      ['Stride larger than the tower', [2, [3, 4]], 0],
    ],
    generate: (n) => [n, [1, 3, 4, 7]],
    js: `function waysUp(n, strides) {
  const M = 1000000007;
  const ways = new Array(n + 1).fill(0);
  ways[0] = 1;
  for (let i = 1; i <= n; i++) {
    let w = 0;
    for (const s of strides) if (s <= i) w = (w + ways[i - s]) % M;
    ways[i] = w;
  }
  return ways[n];
}`,
    py: `def ways_up(n, strides):
    M = 1000000007
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(1, n + 1):
        ways[i] = sum(ways[i - s] for s in strides if s <= i) % M
    return ways[n]`,
  }),

  define({
    slug: 'billboards-not-side-by-side',
    title: 'Billboards not side by side',
    difficulty: 'medium',
    topics: ['dynamic_programming'],
    statement: `Plots along a road would earn \`earnings[i]\` with a billboard (some earn less than nothing). Two billboards may not stand on neighbouring plots. Return the most you can earn (putting up none earns 0).

**Constraints:** 0 ≤ n ≤ 50,000; |earnings[i]| ≤ 10⁴.`,
    fn: 'bestBillboards',
    params: 'earnings: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[6, 1, 2, 7, 3]], 13, 'Plots 0 and 3.'],
      [[[-3, -1]], 0],
    ],
    tests: [
      ['No plots', [[]], 0],
      ['One plot', [[5]], 5],
      ['Two plots', [[1, 2]], 2],
      ['Both ends', [[4, 1, 1, 4]], 8],
      ['Skipping two in a row', [[2, 1, 1, 2]], 4],
      ['A loss in between', [[10, -5, 10]], 20],
    ],
    generate: (n, random) => [randomInts(random, n, -100, 1e4)],
    js: `function bestBillboards(earnings) {
  let take = 0;
  let skip = 0;
  for (const e of earnings) {
    const t = skip + e;
    skip = Math.max(skip, take);
    take = t;
  }
  return Math.max(take, skip);
}`,
    py: `def best_billboards(earnings):
    take = skip = 0
    for e in earnings:
        take, skip = skip + e, max(skip, take)
    return max(take, skip)`,
  }),

  define({
    slug: 'readings-of-a-digit-message',
    title: 'Readings of a digit message',
    difficulty: 'medium',
    topics: ['dynamic_programming', 'strings'],
    statement: `A message was written with letters as numbers (A = 1, B = 2, …, Z = 26) and the numbers run together, like \`"2611"\`. Count the ways to read \`digits\` back as letters. Parts like \`"0"\` or \`"07"\` are not letters. ${MOD_NOTE}

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'countReadings',
    params: 'digits: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['2611'], 4, '2 6 1 1, 26 1 1, 2 6 11 and 26 11.'],
      [['0'], 0],
    ],
    tests: [
      ['Empty message', [''], 1],
      ['Ten', ['10'], 1],
      ['Two zeros', ['100'], 0],
      ['Above 26', ['27'], 1],
      ['All ones', ['1111'], 5],
      ['Zero after three', ['301'], 0],
      ['Twelve', ['12'], 2],
    ],
    generate: (n, random) => [randomString(random, n, '1112223456789')],
    js: `function countReadings(digits) {
  const M = 1000000007;
  let prev = 1;
  let cur = 1;
  for (let i = 0; i < digits.length; i++) {
    let next = digits[i] === '0' ? 0 : cur;
    if (i > 0) {
      const two = Number(digits[i - 1] + digits[i]);
      if (digits[i - 1] !== '0' && two <= 26) next = (next + prev) % M;
    }
    prev = cur;
    cur = next;
  }
  return cur;
}`,
    py: `def count_readings(digits):
    M = 1000000007
    prev = cur = 1
    for i, d in enumerate(digits):
        nxt = 0 if d == '0' else cur
        if i > 0 and digits[i - 1] != '0' and int(digits[i - 1:i + 1]) <= 26:
            nxt = (nxt + prev) % M
        prev, cur = cur, nxt
    return cur`,
  }),

  define({
    slug: 'cheapest-hops-across-the-pond',
    title: 'Cheapest hops across the pond',
    difficulty: 'easy',
    topics: ['dynamic_programming'],
    statement: `A frog starts on lily pad 0 and must end on the last pad. Each hop goes 1, 2 or 3 pads forward. Landing on pad \`i\` (the first and last pads included) costs \`costs[i]\`. Return the lowest total cost.

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ costs[i] ≤ 10⁴.`,
    fn: 'cheapestHops',
    params: 'costs: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[1, 100, 100, 1]], 2, 'One hop of three.'],
      [[[5]], 5],
    ],
    tests: [
      ['Two pads', [[1, 2]], 3],
      ['Every way costs the same', [[1, 9, 9, 9, 1]], 11],
      ['Free pads', [[0, 0, 0]], 0],
      ['Cheap pads in the middle', [[3, 1, 1, 1, 3]], 7],
      ['Pick the cheap ones', [[2, 5, 1, 5, 5, 1, 2]], 6],
      ['Must land on a costly pad', [[0, 50, 50, 50, 50, 0]], 50],
    ],
    generate: (n, random) => [randomInts(random, n, 0, 1e4)],
    js: `function cheapestHops(costs) {
  const best = new Array(costs.length).fill(Infinity);
  best[0] = costs[0];
  for (let i = 1; i < costs.length; i++) {
    for (let h = 1; h <= 3 && h <= i; h++) best[i] = Math.min(best[i], best[i - h] + costs[i]);
  }
  return best[costs.length - 1];
}`,
    py: `def cheapest_hops(costs):
    best = [0] * len(costs)
    best[0] = costs[0]
    for i in range(1, len(costs)):
        best[i] = min(best[i - h] for h in (1, 2, 3) if h <= i) + costs[i]
    return best[-1]`,
  }),

  define({
    slug: 'best-stretch-on-a-circular-track',
    title: 'Best stretch on a circular track',
    difficulty: 'medium',
    topics: ['dynamic_programming', 'arrays'],
    statement: `A circular track is split into segments with scores \`scores\`; after the last segment comes the first again. Return the largest total of a non-empty run of consecutive segments, going round at most once (each segment counted once).

**Constraints:** 1 ≤ n ≤ 50,000; |scores[i]| ≤ 10⁴.`,
    fn: 'bestCircularStretch',
    params: 'scores: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[4, -6, 3, 2]], 9, '3 + 2, then round to 4.'],
      [[[-2, -1, -4]], -1],
    ],
    tests: [
      ['One segment', [[7]], 7],
      ['All positive', [[1, 2, 3]], 6],
      ['Best in the middle', [[-5, 4, -5]], 4],
      ['Both ends', [[2, -10, 2]], 4],
      ['Zeros', [[0, 0]], 0],
      ['Either way', [[3, -1, 2, -1]], 4],
    ],
    generate: (n, random) => [randomInts(random, n, -1e4, 1e4)],
    js: `function bestCircularStretch(scores) {
  let total = 0;
  let bestEnd = -Infinity;
  let best = -Infinity;
  let worstEnd = Infinity;
  let worst = Infinity;
  for (const s of scores) {
    total += s;
    bestEnd = Math.max(s, bestEnd + s);
    best = Math.max(best, bestEnd);
    worstEnd = Math.min(s, worstEnd + s);
    worst = Math.min(worst, worstEnd);
  }
  return best < 0 ? best : Math.max(best, total - worst);
}`,
    py: `def best_circular_stretch(scores):
    total = 0
    best_end = best = float('-inf')
    worst_end = worst = float('inf')
    for s in scores:
        total += s
        best_end = max(s, best_end + s)
        best = max(best, best_end)
        worst_end = min(s, worst_end + s)
        worst = min(worst, worst_end)
    return best if best < 0 else max(best, total - worst)`,
  }),

  define({
    slug: 'trading-with-a-rest-day',
    title: 'Trading with a rest day',
    difficulty: 'medium',
    topics: ['dynamic_programming'],
    statement: `\`prices[i]\` is a share's price on day \`i\`. You may hold at most one share, buying and selling as often as you like, but the day after a sale you must rest (no buying). Return the most profit you can make.

**Constraints:** 0 ≤ n ≤ 50,000; 0 ≤ prices[i] ≤ 10⁴.`,
    fn: 'profitWithRest',
    params: 'prices: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[3, 1, 4, 2, 6]], 5, 'Buy at 1, sell at 6: selling at 4 first would block buying at 2.'],
      [[[5, 4, 3]], 0],
    ],
    tests: [
      ['No days', [[]], 0],
      ['One day', [[7]], 0],
      ['Rising', [[1, 2, 3, 4]], 3],
      ['Two trades with a rest', [[1, 5, 0, 0, 4]], 8],
      ['Rest blocks the second trade', [[1, 5, 0, 4]], 4],
      ['Flat', [[2, 2, 2]], 0],
    ],
    generate: (n, random) => [randomInts(random, n, 0, 1e4)],
    js: `function profitWithRest(prices) {
  let holding = -Infinity;
  let sold = 0;
  let resting = 0;
  for (const p of prices) {
    const h = Math.max(holding, resting - p);
    const s = holding + p;
    resting = Math.max(resting, sold);
    holding = h;
    sold = s;
  }
  return Math.max(sold, resting, 0);
}`,
    py: `def profit_with_rest(prices):
    holding = float('-inf')
    sold = resting = 0
    for p in prices:
        holding, sold, resting = max(holding, resting - p), holding + p, max(resting, sold)
    return int(max(sold, resting, 0))`,
  }),

  define({
    slug: 'paths-around-the-rocks',
    title: 'Paths around the rocks',
    difficulty: 'medium',
    topics: ['dynamic_programming'],
    statement: `A field is a list of equal-length strings: \`.\` is grass and \`#\` a rock. Moving only right or down, count the paths from the top-left cell to the bottom-right one that never touch a rock. ${MOD_NOTE}

**Constraints:** 1 ≤ rows × columns ≤ 62,500.`,
    fn: 'countPaths',
    params: 'field: str[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[['....', '.#..', '....']], 4],
      [[['.#', '#.']], 0],
    ],
    tests: [
      ['One cell', [['.']], 1],
      ['A rock on the start', [['#']], 0],
      ['Two by two', [['..', '..']], 2],
      ['One way round', [['.#', '..']], 1],
      ['A single row', [['...']], 1],
      ['Rock on the exit', [['..', '.#']], 0],
      ['A column', [['.', '.', '.']], 1],
    ],
    sizes: [4_900, 19_600, 62_500],
    generate: (n, random) => {
      const side = Math.round(Math.sqrt(n));
      const rows = Array.from({ length: side }, () => randomString(random, side, '.........#'));
      rows[0] = `.${rows[0]!.slice(1)}`;
      rows[side - 1] = `${rows[side - 1]!.slice(0, -1)}.`;
      return [rows];
    },
    js: `function countPaths(field) {
  const M = 1000000007;
  const cols = field[0].length;
  const ways = new Array(cols).fill(0);
  ways[0] = 1;
  for (const row of field) {
    for (let c = 0; c < cols; c++) {
      if (row[c] === '#') ways[c] = 0;
      else if (c > 0) ways[c] = (ways[c] + ways[c - 1]) % M;
    }
  }
  return ways[cols - 1];
}`,
    py: `def count_paths(field):
    M = 1000000007
    cols = len(field[0])
    ways = [0] * cols
    ways[0] = 1
    for row in field:
        for c in range(cols):
            if row[c] == '#':
                ways[c] = 0
            elif c > 0:
                ways[c] = (ways[c] + ways[c - 1]) % M
    return ways[-1]`,
  }),

  define({
    slug: 'fewest-stamps-for-the-postage',
    title: 'Fewest stamps for the postage',
    difficulty: 'medium',
    topics: ['dynamic_programming'],
    statement: `A post office has stamps of the values in \`stamps\`, as many of each as you like. Return the fewest stamps whose values add up exactly to \`postage\`, or \`-1\` when no combination does. (Always taking the largest stamp that fits is not always best.)

**Constraints:** 0 ≤ postage ≤ 50,000; 1 ≤ stamps ≤ 8.`,
    fn: 'fewestStamps',
    params: 'stamps: int[], postage: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[1, 3, 4], 6], 2, '3 + 3 beats 4 + 1 + 1.'],
      [[[3], 2], -1],
    ],
    tests: [
      ['No postage', [[5], 0], 0],
      ['Only ones', [[1], 7], 7],
      ['Odd amount from even stamps', [[2, 4], 7], -1],
      ['Two kinds', [[7, 5], 24], 4],
      ['Largest stamp is best', [[2, 5, 10], 20], 2],
      ['Cannot make it', [[5, 10], 3], -1],
      ['Small stamps needed', [[2, 5, 10], 13], 5],
    ],
    generate: (n) => [[7, 11, 13, 29, 37], n],
    js: `function fewestStamps(stamps, postage) {
  const best = new Array(postage + 1).fill(Infinity);
  best[0] = 0;
  for (let v = 1; v <= postage; v++) {
    for (const s of stamps) if (s <= v && best[v - s] + 1 < best[v]) best[v] = best[v - s] + 1;
  }
  return best[postage] === Infinity ? -1 : best[postage];
}`,
    py: `def fewest_stamps(stamps, postage):
    INF = float('inf')
    best = [0] + [INF] * postage
    for v in range(1, postage + 1):
        for s in stamps:
            if s <= v and best[v - s] + 1 < best[v]:
                best[v] = best[v - s] + 1
    return -1 if best[postage] == INF else best[postage]`,
  }),

  define({
    slug: 'split-into-known-words',
    title: 'Split into known words',
    difficulty: 'medium',
    topics: ['dynamic_programming', 'strings', 'hashing'],
    statement: `A line of text lost its spaces. Return whether \`text\` can be split into a sequence of words, each from \`words\` (a word may be used any number of times). The empty text can.

**Constraints:** 0 ≤ length ≤ 50,000; words are 1 to 6 letters long. Trying every split by plain recursion takes exponential time.`,
    fn: 'canSplit',
    params: 'text: str, words: str[]',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [['rainbowcake', ['rain', 'bow', 'rainbow', 'cake']], true],
      [['hello', ['hell', 'lo']], false],
    ],
    tests: [
      ['Empty text', ['', ['a']], true],
      ['Two lengths', ['aaaa', ['aa', 'aaa']], true],
      ['Odd length from pairs', ['aaaaa', ['aa']], false],
      ['No words', ['ab', []], false],
      ['Overlapping choices', ['abc', ['a', 'bc', 'ab']], true],
      ['A prefix that leads nowhere', ['xyz', ['xy', 'x', 'yz']], true],
    ],
    generate: (n) => [`${'a'.repeat(n - 1)}b`, ['a', 'aa', 'aaa', 'aaaa', 'aaaaa', 'ba']],
    js: `function canSplit(text, words) {
  const known = new Set(words);
  const ok = new Array(text.length + 1).fill(false);
  ok[0] = true;
  for (let i = 1; i <= text.length; i++) {
    for (let l = 1; l <= 6 && l <= i; l++) {
      if (ok[i - l] && known.has(text.slice(i - l, i))) {
        ok[i] = true;
        break;
      }
    }
  }
  return ok[text.length];
}`,
    py: `def can_split(text, words):
    known = set(words)
    ok = [True] + [False] * len(text)
    for i in range(1, len(text) + 1):
        for l in range(1, min(6, i) + 1):
            if ok[i - l] and text[i - l:i] in known:
                ok[i] = True
                break
    return ok[len(text)]`,
  }),
];
