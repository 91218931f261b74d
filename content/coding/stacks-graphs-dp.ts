import { randomInt, randomInts } from '../../src/core/coding/problem.js';
import { problem } from './define.js';

export const stacksGraphsDp = [
  problem({
    slug: 'balanced-brackets',
    title: 'Balanced brackets',
    difficulty: 'easy',
    topics: ['stacks_queues', 'strings'],
    statement: `Given a string \`text\` made of the characters \`()[]{}\` and lowercase letters, return \`true\` when every bracket is closed by the same kind of bracket in the right order, and \`false\` otherwise. Letters are ignored.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    entry: { javascript: 'isBalanced', python: 'is_balanced' },
    signature: { javascript: 'text', typescript: 'text: string', tsReturn: 'boolean', python: 'text: str', pyReturn: 'bool' },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: ['a(b[c]{d})'], expected: true },
      { name: 'Example 2', args: ['(]'], expected: false },
    ],
    tests: [
      { name: 'Empty text', args: [''], expected: true },
      { name: 'Only letters', args: ['abc'], expected: true },
      { name: 'Closer first', args: [')('], expected: false },
      { name: 'Unclosed opener', args: ['(('], expected: false },
      { name: 'Crossed pairs', args: ['([)]'], expected: false },
      { name: 'Deep nesting', args: ['{[({[]})]}'], expected: true },
    ],
    generate: (n, random) => {
      // Balanced nesting with a wrong last closer, so the whole string must be read.
      const pairs = ['()', '[]', '{}'];
      const half = Math.floor(n / 2);
      const openers = Array.from({ length: half }, () => pairs[randomInt(random, 0, 2)]!);
      const text = openers.map((p) => p[0]).join('') + [...openers].reverse().map((p) => p[1]).join('');
      return [text.slice(0, -1) + (text.endsWith(')') ? ']' : ')')];
    },
    solutions: {
      javascript: `function isBalanced(text) {
  const closes = { ')': '(', ']': '[', '}': '{' };
  const stack = [];
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch in closes) {
      if (stack.pop() !== closes[ch]) return false;
    }
  }
  return stack.length === 0;
}`,
      python: `def is_balanced(text):
    closes = {')': '(', ']': '[', '}': '{'}
    stack = []
    for ch in text:
        if ch in '([{':
            stack.append(ch)
        elif ch in closes:
            if not stack or stack.pop() != closes[ch]:
                return False
    return not stack`,
    },
  }),

  problem({
    slug: 'days-until-warmer',
    title: 'Days until a warmer day',
    difficulty: 'medium',
    topics: ['stacks_queues', 'arrays'],
    statement: `Given daily temperatures \`temps\`, return an array \`wait\` where \`wait[i]\` is the number of days after day \`i\` until a strictly warmer day, or \`0\` when no warmer day follows.

**Constraints:** 1 ≤ n ≤ 50,000; -50 ≤ temps[i] ≤ 50. Aim for O(n).`,
    entry: { javascript: 'daysUntilWarmer', python: 'days_until_warmer' },
    signature: {
      javascript: 'temps',
      typescript: 'temps: number[]',
      tsReturn: 'number[]',
      python: 'temps: list[int]',
      pyReturn: 'list[int]',
    },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [[12, 14, 11, 10, 15, 9]], expected: [1, 3, 2, 1, 0, 0] },
      { name: 'Example 2', args: [[5, 5, 5]], expected: [0, 0, 0], explanation: 'Equal is not warmer.' },
    ],
    tests: [
      { name: 'One day', args: [[20]], expected: [0] },
      { name: 'Rising', args: [[1, 2, 3, 4]], expected: [1, 1, 1, 0] },
      { name: 'Falling', args: [[4, 3, 2, 1]], expected: [0, 0, 0, 0] },
      { name: 'Negative temperatures', args: [[-5, -10, -3]], expected: [2, 1, 0] },
      { name: 'Valley', args: [[9, 1, 1, 1, 10]], expected: [4, 3, 2, 1, 0] },
    ],
    // Falling temperatures then one hot day: a scan forward from every day would be quadratic.
    generate: (n) => [[...Array.from({ length: n - 1 }, (_, i) => 49 - Math.floor((i * 99) / n)), 50]],
    solutions: {
      javascript: `function daysUntilWarmer(temps) {
  const wait = new Array(temps.length).fill(0);
  const stack = [];
  for (let i = 0; i < temps.length; i++) {
    while (stack.length && temps[stack[stack.length - 1]] < temps[i]) {
      const j = stack.pop();
      wait[j] = i - j;
    }
    stack.push(i);
  }
  return wait;
}`,
      python: `def days_until_warmer(temps):
    wait = [0] * len(temps)
    stack = []
    for i, t in enumerate(temps):
        while stack and temps[stack[-1]] < t:
            j = stack.pop()
            wait[j] = i - j
        stack.append(i)
    return wait`,
    },
  }),

  problem({
    slug: 'count-islands',
    title: 'Count the islands',
    difficulty: 'medium',
    topics: ['graphs'],
    statement: `A map is a list of equal-length strings of \`#\` (land) and \`.\` (water). An island is a group of land cells joined up, down, left or right. Return the number of islands.

**Constraints:** 0 ≤ rows × columns ≤ 62,500. Deep recursion may overflow on large maps: an explicit stack or queue is safer.`,
    entry: { javascript: 'countIslands', python: 'count_islands' },
    signature: { javascript: 'grid', typescript: 'grid: string[]', tsReturn: 'number', python: 'grid: list[str]', pyReturn: 'int' },
    expectedComplexity: 'O(n)',
    examples: [
      { name: 'Example 1', args: [['##..', '#..#', '..##']], expected: 2 },
      { name: 'Example 2', args: [['#.#', '.#.', '#.#']], expected: 5, explanation: 'Diagonal neighbours are not joined.' },
    ],
    tests: [
      { name: 'Empty map', args: [[]], expected: 0 },
      { name: 'All water', args: [['...', '...']], expected: 0 },
      { name: 'All land', args: [['###', '###']], expected: 1 },
      { name: 'One row', args: [['#.##.#']], expected: 3 },
      { name: 'One column', args: [['#', '#', '.', '#']], expected: 2 },
      { name: 'Ring with a lake', args: [['###', '#.#', '###']], expected: 1 },
    ],
    sizes: [4_900, 19_600, 62_500],
    generate: (n, random) => {
      const side = Math.round(Math.sqrt(n));
      return [Array.from({ length: side }, () => Array.from({ length: side }, () => (random() < 0.55 ? '#' : '.')).join(''))];
    },
    solutions: {
      javascript: `function countIslands(grid) {
  const rows = grid.length;
  if (rows === 0) return 0;
  const cols = grid[0].length;
  const seen = new Uint8Array(rows * cols);
  let islands = 0;
  const stack = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== '#' || seen[r * cols + c]) continue;
      islands++;
      seen[r * cols + c] = 1;
      stack.push(r * cols + c);
      while (stack.length) {
        const cell = stack.pop();
        const y = Math.floor(cell / cols);
        const x = cell % cols;
        for (const [dy, dx] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
          const ny = y + dy;
          const nx = x + dx;
          if (ny < 0 || nx < 0 || ny >= rows || nx >= cols) continue;
          const k = ny * cols + nx;
          if (!seen[k] && grid[ny][nx] === '#') {
            seen[k] = 1;
            stack.push(k);
          }
        }
      }
    }
  }
  return islands;
}`,
      python: `def count_islands(grid):
    rows = len(grid)
    if rows == 0:
        return 0
    cols = len(grid[0])
    seen = bytearray(rows * cols)
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != '#' or seen[r * cols + c]:
                continue
            islands += 1
            seen[r * cols + c] = 1
            stack = [(r, c)]
            while stack:
                y, x = stack.pop()
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if 0 <= ny < rows and 0 <= nx < cols and not seen[ny * cols + nx] and grid[ny][nx] == '#':
                        seen[ny * cols + nx] = 1
                        stack.append((ny, nx))
    return islands`,
    },
  }),

  problem({
    slug: 'longest-rising-subsequence',
    title: 'Longest rising subsequence',
    difficulty: 'hard',
    topics: ['dynamic_programming', 'arrays'],
    statement: `Given an integer array \`nums\`, return the length of the longest strictly increasing subsequence (elements in their original order, not necessarily adjacent).

**Constraints:** 0 ≤ n ≤ 50,000. The O(n²) table is too slow for the largest input: aim for O(n log n).`,
    entry: { javascript: 'longestRising', python: 'longest_rising' },
    signature: { javascript: 'nums', typescript: 'nums: number[]', tsReturn: 'number', python: 'nums: list[int]', pyReturn: 'int' },
    expectedComplexity: 'O(n log n)',
    examples: [
      { name: 'Example 1', args: [[3, 10, 2, 1, 20, 4, 6, 7]], expected: 4, explanation: 'For instance 2, 4, 6, 7.' },
      { name: 'Example 2', args: [[5, 5, 5]], expected: 1 },
    ],
    tests: [
      { name: 'Empty array', args: [[]], expected: 0 },
      { name: 'One element', args: [[8]], expected: 1 },
      { name: 'Strictly falling', args: [[9, 7, 5, 3]], expected: 1 },
      { name: 'Already sorted', args: [[1, 2, 3, 4, 5]], expected: 5 },
      { name: 'Negatives', args: [[-3, -1, -2, 0, -5, 1]], expected: 4 },
      { name: 'Plateaus do not count', args: [[1, 2, 2, 3, 3, 4]], expected: 4 },
    ],
    generate: (n, random) => [randomInts(random, n, -1_000_000, 1_000_000)],
    solutions: {
      javascript: `function longestRising(nums) {
  const tails = [];
  for (const v of nums) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}`,
      python: `from bisect import bisect_left

def longest_rising(nums):
    tails = []
    for v in nums:
        i = bisect_left(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)`,
    },
  }),
];
