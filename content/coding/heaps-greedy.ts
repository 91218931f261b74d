import { randomInt, randomInts, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';
import { HEAP_NOTE, withMinHeap } from './min-heap.js';

/**
 * Graph and heap work is slow in the QuickJS interpreter (a heap push is a few hundred bytecodes):
 * smaller large inputs and a longer limit. 20,000 still puts an O(n²) solution far past 4 s.
 */
const HEAVY = { sizes: [2_000, 6_000, 20_000], timeLimitMs: 4000 };

export const heapsGreedy = [
  define({
    slug: 'k-loudest-readings',
    ...HEAVY,
    title: 'The k loudest readings',
    difficulty: 'medium',
    topics: ['heaps', 'arrays'],
    statement: `Return the \`k\` largest values of \`readings\`, largest first (equal values appear as often as they occur).

${HEAP_NOTE} Sorting everything works; a heap of size \`k\` does less.

**Constraints:** 0 ≤ k ≤ n ≤ 50,000.`,
    fn: 'loudest',
    params: 'readings: int[], k: int',
    returns: 'int[]',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[[5, 1, 9, 3, 9, 2], 3], [9, 9, 5]],
      [[[4, 2], 0], []],
    ],
    tests: [
      ['Everything', [[3, 1, 2], 3], [3, 2, 1]],
      ['Empty', [[], 0], []],
      ['Negative values', [[-5, -1, -3], 2], [-1, -3]],
      ['All equal', [[7, 7, 7, 7], 2], [7, 7]],
      ['One', [[8, 20, 3], 1], [20]],
      ['Already sorted', [[1, 2, 3, 4, 5], 2], [5, 4]],
    ],
    generate: (n, random) => [randomInts(random, n, -1e6, 1e6), Math.floor(n / 10)],
    js: `function loudest(readings, k) {
  if (k === 0) return [];
  const heap = new MinHeap();
  for (const r of readings) {
    if (heap.size < k) heap.push(r);
    else if (r > heap.peek()) {
      heap.pop();
      heap.push(r);
    }
  }
  const out = [];
  while (heap.size) out.push(heap.pop());
  return out.reverse();
}`,
    py: `import heapq

def loudest(readings, k):
    return heapq.nlargest(k, readings)`,
  }),

  define({
    slug: 'merge-sorted-playlists',
    ...HEAVY,
    title: 'Merge sorted playlists',
    difficulty: 'medium',
    topics: ['heaps'],
    statement: `Each playlist in \`lists\` is sorted by track length (non-decreasing). Return all the track lengths in one non-decreasing list.

${HEAP_NOTE} Merging the lists two at a time, one after the other, is slow when there are many.

**Constraints:** 0 ≤ lists ≤ 1,000; total tracks ≤ 50,000.`,
    fn: 'mergePlaylists',
    params: 'lists: int[][]',
    returns: 'int[]',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[[[2, 6, 8], [1, 3], [3, 9]]], [1, 2, 3, 3, 6, 8, 9]],
      [[[]], []],
    ],
    tests: [
      ['Only empty playlists', [[[], []]], []],
      ['One playlist', [[[2, 3]]], [2, 3]],
      ['Negative lengths are allowed here', [[[-3, 0], [-5]]], [-5, -3, 0]],
      ['Equal tracks', [[[1, 1], [1], [1, 1]]], [1, 1, 1, 1, 1]],
      ['Disjoint ranges', [[[7, 8], [1, 2], [4]]], [1, 2, 4, 7, 8]],
      ['Empty among full', [[[], [3], [], [1, 9]]], [1, 3, 9]],
    ],
    generate: (n, random) => {
      const count = Math.round(Math.sqrt(n));
      return [Array.from({ length: count }, () => randomInts(random, Math.floor(n / count), 0, 1e6).sort((a, b) => a - b))];
    },
    js: `function mergePlaylists(lists) {
  const heap = new MinHeap((a, b) => a[0] < b[0]);
  lists.forEach((list, i) => {
    if (list.length) heap.push([list[0], i, 0]);
  });
  const out = [];
  while (heap.size) {
    const [value, i, j] = heap.pop();
    out.push(value);
    if (j + 1 < lists[i].length) heap.push([lists[i][j + 1], i, j + 1]);
  }
  return out;
}`,
    py: `import heapq

def merge_playlists(lists):
    return list(heapq.merge(*lists))`,
  }),

  define({
    slug: 'running-median-of-response-times',
    ...HEAVY,
    title: 'Running median of response times',
    difficulty: 'hard',
    topics: ['heaps'],
    statement: `Response times arrive one by one in \`times\`. After each arrival, report the median of all the times so far: the middle one, or the mean of the two middle ones when the count is even. Answers are compared within 10⁻⁶.

${HEAP_NOTE} Sorting after every arrival is too slow: keep the lower half and the upper half in two heaps.

**Constraints:** 0 ≤ n ≤ 50,000.`,
    fn: 'runningMedian',
    params: 'times: int[]',
    returns: 'float[]',
    complexity: 'O(n log n)',
    comparison: 'approximate',
    preamble: withMinHeap,
    examples: [
      [[[8, 2, 6, 10]], [8, 5, 6, 7]],
      [[[2]], [2]],
    ],
    tests: [
      ['No times', [[]], []],
      ['Equal times', [[4, 4, 4]], [4, 4, 4]],
      ['Rising', [[1, 2, 3, 4]], [1, 1.5, 2, 2.5]],
      ['Falling', [[4, 3, 2, 1]], [4, 3.5, 3, 2.5]],
      ['Negative values', [[-1, -3, 5]], [-1, -2, -1]],
      ['Half values', [[1, 2]], [1, 1.5]],
    ],
    generate: (n, random) => [randomInts(random, n, 0, 1e6)],
    js: `function runningMedian(times) {
  const low = new MinHeap((a, b) => a > b);
  const high = new MinHeap();
  const out = [];
  for (const t of times) {
    if (low.size === 0 || t <= low.peek()) low.push(t);
    else high.push(t);
    if (low.size > high.size + 1) high.push(low.pop());
    else if (high.size > low.size) low.push(high.pop());
    out.push(low.size > high.size ? low.peek() : (low.peek() + high.peek()) / 2);
  }
  return out;
}`,
    py: `import heapq

def running_median(times):
    low, high, out = [], [], []
    for t in times:
        if not low or t <= -low[0]:
            heapq.heappush(low, -t)
        else:
            heapq.heappush(high, t)
        if len(low) > len(high) + 1:
            heapq.heappush(high, -heapq.heappop(low))
        elif len(high) > len(low):
            heapq.heappush(low, -heapq.heappop(high))
        out.append(-low[0] if len(low) > len(high) else (-low[0] + high[0]) / 2)
    return out`,
  }),

  define({
    slug: 'rooms-for-every-meeting',
    ...HEAVY,
    title: 'Rooms for every meeting',
    difficulty: 'medium',
    topics: ['heaps', 'greedy'],
    statement: `Each meeting is \`[start, end)\`: it frees its room at \`end\`, so a meeting starting at that moment can use it. Return the fewest rooms that hold all \`meetings\`.

${HEAP_NOTE}

**Constraints:** 0 ≤ meetings ≤ 50,000; 0 ≤ start < end ≤ 10⁹.`,
    fn: 'roomsNeeded',
    params: 'meetings: int[][]',
    returns: 'int',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[[[0, 40], [10, 15], [20, 25]]], 2],
      [[[[1, 5], [5, 9]]], 1, 'The second meeting starts as the first ends.'],
    ],
    tests: [
      ['No meetings', [[]], 0],
      ['One meeting', [[[3, 4]]], 1],
      ['All at once', [[[1, 5], [1, 5], [1, 5]]], 3],
      ['Unsorted input', [[[10, 20], [1, 11], [19, 25]]], 2],
      ['Nested', [[[1, 10], [2, 3], [4, 5], [6, 7]]], 2],
      ['Chain', [[[1, 2], [2, 3], [3, 4]]], 1],
    ],
    generate: (n, random) => [
      Array.from({ length: n }, () => {
        const start = randomInt(random, 0, n * 10);
        return [start, start + randomInt(random, 1, 200)];
      }),
    ],
    js: `function roomsNeeded(meetings) {
  const sorted = [...meetings].sort((a, b) => a[0] - b[0]);
  const ends = new MinHeap();
  let rooms = 0;
  for (const [start, end] of sorted) {
    if (ends.size && ends.peek() <= start) ends.pop();
    ends.push(end);
    rooms = Math.max(rooms, ends.size);
  }
  return rooms;
}`,
    py: `import heapq

def rooms_needed(meetings):
    ends = []
    rooms = 0
    for start, end in sorted(meetings):
        if ends and ends[0] <= start:
            heapq.heappop(ends)
        heapq.heappush(ends, end)
        rooms = max(rooms, len(ends))
    return rooms`,
  }),

  define({
    slug: 'cheapest-way-to-splice-cables',
    ...HEAVY,
    title: 'Cheapest way to splice cables',
    difficulty: 'medium',
    topics: ['heaps', 'greedy'],
    statement: `You have cables of lengths \`lengths\` and must splice them into one. Splicing two cables costs the sum of their lengths and gives one cable of that length. Return the lowest total cost (0 for one cable or none).

${HEAP_NOTE}

**Constraints:** 0 ≤ n ≤ 50,000; 1 ≤ lengths[i] ≤ 1,000.`,
    fn: 'spliceCost',
    params: 'lengths: int[]',
    returns: 'int',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[[5, 2, 8, 1]], 27, '1+2=3, 3+5=8, 8+8=16: 3 + 8 + 16.'],
      [[[7]], 0],
    ],
    tests: [
      ['No cables', [[]], 0],
      ['Two cables', [[1, 2]], 3],
      ['Equal cables', [[5, 5, 5, 5]], 40],
      ['One long cable', [[1, 1, 100]], 104],
      ['Sorted', [[1, 2, 3, 4, 5]], 33],
      ['Ones', [[1, 1, 1]], 5],
    ],
    generate: (n, random) => [randomInts(random, n, 1, 1000)],
    js: `function spliceCost(lengths) {
  const heap = new MinHeap();
  for (const l of lengths) heap.push(l);
  let cost = 0;
  while (heap.size > 1) {
    const joined = heap.pop() + heap.pop();
    cost += joined;
    heap.push(joined);
  }
  return cost;
}`,
    py: `import heapq

def splice_cost(lengths):
    heap = list(lengths)
    heapq.heapify(heap)
    cost = 0
    while len(heap) > 1:
        joined = heapq.heappop(heap) + heapq.heappop(heap)
        cost += joined
        heapq.heappush(heap, joined)
    return cost`,
  }),

  define({
    slug: 'nearest-charging-stations',
    ...HEAVY,
    title: 'Nearest charging stations',
    difficulty: 'medium',
    topics: ['heaps', 'arrays'],
    statement: `Charging stations stand at points \`stations[i] = [x, y]\`; you are at the origin. Return the \`k\` stations nearest to you (straight-line distance), nearest first; break ties by smaller \`x\`, then smaller \`y\`.

${HEAP_NOTE}

**Constraints:** 0 ≤ k ≤ n ≤ 50,000; |x|, |y| ≤ 10⁴.`,
    fn: 'nearestStations',
    params: 'stations: int[][], k: int',
    returns: 'int[][]',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[[[3, 3], [1, -1], [-2, 4]], 2], [[1, -1], [3, 3]]],
      [[[[5, 5]], 0], []],
    ],
    tests: [
      ['Everything', [[[2, 0], [0, 1]], 2], [[0, 1], [2, 0]]],
      ['Tie broken by x', [[[1, 0], [-1, 0], [0, 1]], 2], [[-1, 0], [0, 1]]],
      ['Tie broken by y', [[[0, 1], [0, -1]], 1], [[0, -1]]],
      ['At the origin', [[[4, 4], [0, 0]], 1], [[0, 0]]],
      ['Duplicates', [[[1, 1], [1, 1], [2, 2]], 2], [[1, 1], [1, 1]]],
      ['Far away', [[[10000, -10000], [-10000, 10000]], 1], [[-10000, 10000]]],
    ],
    generate: (n, random) => [Array.from({ length: n }, () => [randomInt(random, -1e4, 1e4), randomInt(random, -1e4, 1e4)]), 100],
    js: `function nearestStations(stations, k) {
  const key = ([x, y]) => x * x + y * y;
  const closer = (a, b) => key(a) - key(b) || a[0] - b[0] || a[1] - b[1];
  return [...stations].sort(closer).slice(0, k);
}`,
    py: `def nearest_stations(stations, k):
    return sorted(stations, key=lambda p: (p[0] * p[0] + p[1] * p[1], p[0], p[1]))[:k]`,
  }),

  define({
    slug: 'fewest-leaps-across-the-stones',
    title: 'Fewest leaps across the stones',
    difficulty: 'medium',
    topics: ['greedy', 'arrays'],
    statement: `Stones lie in a row; from stone \`i\` you can leap forward to any stone up to \`reach[i]\` stones ahead. Starting on the first stone, return the fewest leaps to land on the last one, or \`-1\` when it cannot be done.

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ reach[i] ≤ 1,000.`,
    fn: 'fewestLeaps',
    params: 'reach: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[2, 4, 1, 1, 0, 3]], 2, 'Stone 0 to stone 1, then to the last stone.'],
      [[[1, 0, 5]], -1],
    ],
    tests: [
      ['Already there', [[0]], 0],
      ['One leap', [[5, 0, 0]], 1],
      ['Step by step', [[1, 1, 1, 1]], 3],
      ['Stuck on a zero', [[2, 0, 0, 1]], -1],
      ['Long last leap', [[1, 4, 0, 0, 0]], 2],
      ['Zeros you can jump over', [[3, 0, 0, 2, 0, 0]], 2],
      ['Just enough', [[2, 0, 2, 0, 1]], 2],
    ],
    generate: (n, random) => [[...randomInts(random, n - 1, 1, 3), 0]],
    js: `function fewestLeaps(reach) {
  let leaps = 0;
  let end = 0;
  let furthest = 0;
  for (let i = 0; i < reach.length - 1; i++) {
    if (i > furthest) return -1;
    furthest = Math.max(furthest, i + reach[i]);
    if (i === end) {
      if (furthest <= i) return -1;
      leaps++;
      end = furthest;
      if (end >= reach.length - 1) return leaps;
    }
  }
  return reach.length === 1 ? 0 : end >= reach.length - 1 ? leaps : -1;
}`,
    py: `def fewest_leaps(reach):
    n = len(reach)
    if n == 1:
        return 0
    leaps = end = furthest = 0
    for i in range(n - 1):
        if i > furthest:
            return -1
        furthest = max(furthest, i + reach[i])
        if i == end:
            if furthest <= i:
                return -1
            leaps += 1
            end = furthest
            if end >= n - 1:
                return leaps
    return leaps if end >= n - 1 else -1`,
  }),

  define({
    slug: 'tandem-kayaks',
    title: 'Tandem kayaks',
    difficulty: 'medium',
    topics: ['greedy', 'two_pointers'],
    statement: `Each kayak carries one or two people whose weights add up to at most \`limit\`. Nobody weighs more than \`limit\`. Return the fewest kayaks that carry everyone in \`weights\`.

**Constraints:** 0 ≤ n ≤ 50,000; 1 ≤ weights[i] ≤ limit ≤ 10⁴.`,
    fn: 'fewestKayaks',
    params: 'weights: int[], limit: int',
    returns: 'int',
    complexity: 'O(n log n)',
    examples: [
      [[[70, 50, 80, 50], 100], 3, '50 + 50, then 70 and 80 alone.'],
      [[[40, 60], 100], 1],
    ],
    tests: [
      ['Nobody', [[], 100], 0],
      ['One person', [[30], 50], 1],
      ['Everyone alone', [[60, 70, 80], 100], 3],
      ['Everyone in pairs', [[10, 20, 30, 40], 50], 2],
      ['Heaviest with the lightest', [[1, 2, 9, 10], 11], 2],
      ['Exactly the limit', [[5, 5, 5], 10], 2],
    ],
    generate: (n, random) => [randomInts(random, n, 1, 1000), 1000],
    js: `function fewestKayaks(weights, limit) {
  const w = [...weights].sort((a, b) => a - b);
  let i = 0;
  let j = w.length - 1;
  let kayaks = 0;
  while (i <= j) {
    if (i < j && w[i] + w[j] <= limit) i++;
    j--;
    kayaks++;
  }
  return kayaks;
}`,
    py: `def fewest_kayaks(weights, limit):
    w = sorted(weights)
    i, j = 0, len(w) - 1
    kayaks = 0
    while i <= j:
        if i < j and w[i] + w[j] <= limit:
            i += 1
        j -= 1
        kayaks += 1
    return kayaks`,
  }),

  define({
    slug: 'most-talks-you-can-attend',
    title: 'Most talks you can attend',
    difficulty: 'medium',
    topics: ['greedy'],
    statement: `A conference lists \`talks[i] = [start, end]\`. You attend a talk from its start to its end and can walk into the next talk at the very moment one ends (\`end ≤ next start\`). Return the most talks you can attend whole.

**Constraints:** 0 ≤ n ≤ 50,000; 0 ≤ start < end ≤ 10⁹.`,
    fn: 'mostTalks',
    params: 'talks: int[][]',
    returns: 'int',
    complexity: 'O(n log n)',
    examples: [
      [[[[1, 4], [2, 3], [3, 5], [6, 7]]], 3, '[2, 3], [3, 5] and [6, 7].'],
      [[[[1, 10], [2, 3]]], 1],
    ],
    tests: [
      ['No talks', [[]], 0],
      ['One talk', [[[0, 1]]], 1],
      ['Back to back', [[[1, 2], [2, 3], [3, 4]]], 3],
      ['All overlapping', [[[1, 5], [2, 6], [3, 7]]], 1],
      ['A long talk blocks two short ones', [[[1, 100], [1, 2], [50, 60]]], 2],
      ['Duplicates', [[[1, 2], [1, 2]]], 1],
    ],
    generate: (n, random) => [
      Array.from({ length: n }, () => {
        const start = randomInt(random, 0, n * 5);
        return [start, start + randomInt(random, 1, 100)];
      }),
    ],
    js: `function mostTalks(talks) {
  const sorted = [...talks].sort((a, b) => a[1] - b[1]);
  let count = 0;
  let free = -Infinity;
  for (const [start, end] of sorted) {
    if (start >= free) {
      count++;
      free = end;
    }
  }
  return count;
}`,
    py: `def most_talks(talks):
    count = 0
    free = float('-inf')
    for start, end in sorted(talks, key=lambda t: t[1]):
        if start >= free:
            count += 1
            free = end
    return count`,
  }),

  define({
    slug: 'cut-the-tape',
    title: 'Cut the tape',
    difficulty: 'medium',
    topics: ['greedy', 'strings', 'hashing'],
    statement: `Cut the lowercase text \`tape\` into as many consecutive pieces as possible so that every letter appears in one piece only. Return the lengths of the pieces, in order.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'cutTape',
    params: 'tape: str',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [['abacdcefg'], [3, 3, 1, 1, 1]],
      [['abab'], [4]],
    ],
    tests: [
      ['Empty tape', [''], []],
      ['One letter', ['z'], [1]],
      ['All different', ['abc'], [1, 1, 1]],
      ['One letter repeated', ['aaaa'], [4]],
      ['First and last letter equal', ['abcda'], [5]],
      ['Two blocks', ['aabbaacc'], [6, 2]],
    ],
    generate: (n, random) => {
      // Blocks of letters that rarely cross, so there are many pieces.
      const parts: string[] = [];
      let length = 0;
      let shift = 0;
      while (length < n) {
        const block = randomString(random, randomInt(random, 1, 40), 'abcdefghijklmnopqrstuvwxyz'.slice(shift % 20, (shift % 20) + 6));
        parts.push(block);
        length += block.length;
        shift += 6;
      }
      return [parts.join('').slice(0, n)];
    },
    js: `function cutTape(tape) {
  const last = new Map();
  for (let i = 0; i < tape.length; i++) last.set(tape[i], i);
  const out = [];
  let start = 0;
  let end = 0;
  for (let i = 0; i < tape.length; i++) {
    end = Math.max(end, last.get(tape[i]));
    if (i === end) {
      out.push(end - start + 1);
      start = i + 1;
    }
  }
  return out;
}`,
    py: `def cut_tape(tape):
    last = {c: i for i, c in enumerate(tape)}
    out = []
    start = end = 0
    for i, c in enumerate(tape):
        end = max(end, last[c])
        if i == end:
            out.append(end - start + 1)
            start = i + 1
    return out`,
  }),

  define({
    slug: 'smallest-code-after-deleting-digits',
    title: 'Smallest code after deleting digits',
    difficulty: 'medium',
    topics: ['greedy', 'stacks_queues'],
    statement: `\`code\` is a string of digits. Delete exactly \`k\` of them, keeping the others in order, to make the smallest possible number. Return it as a string without leading zeros (\`"0"\` when nothing or only zeros remain).

**Constraints:** 0 ≤ k ≤ length ≤ 50,000.`,
    fn: 'smallestAfterDeleting',
    params: 'code: str, k: int',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [['4825', 2], '25'],
      [['50340', 1], '340', 'Deleting the 5 leaves 0340.'],
    ],
    tests: [
      ['Delete everything', ['91', 2], '0'],
      ['Delete nothing', ['105', 0], '105'],
      ['Rising digits: drop the end', ['12345', 2], '123'],
      ['Falling digits: drop the start', ['54321', 2], '321'],
      ['Equal digits', ['7777', 2], '77'],
      ['Only zeros left', ['10', 1], '0'],
    ],
    generate: (n, random) => [randomString(random, n, '0123456789'), Math.floor(n / 3)],
    js: `function smallestAfterDeleting(code, k) {
  const stack = [];
  let left = k;
  for (const d of code) {
    while (left > 0 && stack.length && stack[stack.length - 1] > d) {
      stack.pop();
      left--;
    }
    stack.push(d);
  }
  stack.length -= left;
  let i = 0;
  while (i < stack.length - 1 && stack[i] === '0') i++;
  return stack.length ? stack.slice(i).join('') : '0';
}`,
    py: `def smallest_after_deleting(code, k):
    stack = []
    left = k
    for d in code:
        while left and stack and stack[-1] > d:
            stack.pop()
            left -= 1
        stack.append(d)
    if left:
        stack = stack[:-left]
    return ''.join(stack).lstrip('0') or '0'`,
  }),

  define({
    slug: 'bonuses-by-rating',
    title: 'Bonuses by rating',
    difficulty: 'hard',
    topics: ['greedy', 'arrays'],
    statement: `Reviewers sit in a row with ratings \`ratings\`. Each gets a bonus of at least 1 point, and a reviewer rated strictly higher than a neighbour must get more than that neighbour. Return the fewest points in total.

**Constraints:** 0 ≤ n ≤ 50,000.`,
    fn: 'fewestBonusPoints',
    params: 'ratings: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[1, 3, 2, 2, 1]], 7, 'Bonuses 1, 2, 1, 2, 1.'],
      [[[4, 4, 4]], 3],
    ],
    tests: [
      ['Nobody', [[]], 0],
      ['One reviewer', [[9]], 1],
      ['Rising', [[1, 2, 3]], 6],
      ['Falling', [[3, 2, 1]], 6],
      ['Peak', [[1, 2, 3, 2, 1]], 9],
      ['Valley', [[3, 1, 3]], 5],
    ],
    generate: (n, random) => [randomInts(random, n, 0, 100)],
    js: `function fewestBonusPoints(ratings) {
  const n = ratings.length;
  const bonus = new Array(n).fill(1);
  for (let i = 1; i < n; i++) if (ratings[i] > ratings[i - 1]) bonus[i] = bonus[i - 1] + 1;
  for (let i = n - 2; i >= 0; i--) if (ratings[i] > ratings[i + 1]) bonus[i] = Math.max(bonus[i], bonus[i + 1] + 1);
  return bonus.reduce((a, b) => a + b, 0);
}`,
    py: `def fewest_bonus_points(ratings):
    n = len(ratings)
    bonus = [1] * n
    for i in range(1, n):
        if ratings[i] > ratings[i - 1]:
            bonus[i] = bonus[i - 1] + 1
    for i in range(n - 2, -1, -1):
        if ratings[i] > ratings[i + 1]:
            bonus[i] = max(bonus[i], bonus[i + 1] + 1)
    return sum(bonus)`,
  }),
];
