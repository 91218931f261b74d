import { randomInt, randomInts, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';

export const arraysExtra = [
  define({
    slug: 'empty-crates-to-the-back',
    title: 'Empty crates to the back',
    difficulty: 'easy',
    topics: ['arrays', 'two_pointers'],
    statement: `A conveyor carries crates with \`counts[i]\` items; empty crates hold 0. Return the conveyor with every empty crate moved to the back, the others keeping their order.

**Constraints:** 0 ≤ n ≤ 50,000. Removing zeros one by one from the middle of an array is quadratic.`,
    fn: 'emptiesToBack',
    params: 'counts: int[]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[0, 3, 0, 5, 2]], [3, 5, 2, 0, 0]],
      [[[0, 0]], [0, 0]],
    ],
    tests: [
      ['Empty conveyor', [[]], []],
      ['No empties', [[1, 2, 3]], [1, 2, 3]],
      ['Already at the back', [[4, 0]], [4, 0]],
      ['All in front', [[0, 0, 7, 8]], [7, 8, 0, 0]],
      ['Negative counts are not empty', [[-1, 0, -2]], [-1, -2, 0]],
      ['Alternating', [[0, 1, 0, 1, 0, 1]], [1, 1, 1, 0, 0, 0]],
    ],
    generate: (n, random) => [Array.from({ length: n }, () => (random() < 0.5 ? 0 : randomInt(random, 1, 99)))],
    js: `function emptiesToBack(counts) {
  const out = counts.filter((c) => c !== 0);
  while (out.length < counts.length) out.push(0);
  return out;
}`,
    py: `def empties_to_back(counts):
    out = [c for c in counts if c != 0]
    return out + [0] * (len(counts) - len(out))`,
  }),

  define({
    slug: 'the-winning-vote',
    title: 'The winning vote',
    difficulty: 'easy',
    topics: ['arrays', 'hashing'],
    statement: `Each entry of \`votes\` is a candidate's number. Return the candidate who got more than half of all votes, or \`-1\` when nobody did. (It can be done with O(1) extra memory.)

**Constraints:** 0 ≤ n ≤ 50,000.`,
    fn: 'winningVote',
    params: 'votes: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[2, 7, 2, 2, 5]], 2],
      [[[1, 2, 1, 2]], -1, 'Exactly half is not more than half.'],
    ],
    tests: [
      ['No votes', [[]], -1],
      ['One vote', [[9]], 9],
      ['Two equal votes', [[4, 4]], 4],
      ['Winner last', [[1, 3, 3, 1, 3]], 3],
      ['Plurality is not enough', [[1, 1, 2, 3, 4]], -1],
      ['Negative numbers', [[-5, -5, 0]], -5],
    ],
    generate: (n, random) => {
      const votes = randomInts(random, n, 0, 9);
      for (let i = 0; i < n; i += 2) votes[i] = 7;
      votes[n - 1] = 7;
      return [votes];
    },
    js: `function winningVote(votes) {
  let candidate = null;
  let lead = 0;
  for (const v of votes) {
    if (lead === 0) candidate = v;
    lead += v === candidate ? 1 : -1;
  }
  let count = 0;
  for (const v of votes) if (v === candidate) count++;
  return count * 2 > votes.length ? candidate : -1;
}`,
    py: `def winning_vote(votes):
    candidate, lead = None, 0
    for v in votes:
        if lead == 0:
            candidate = v
        lead += 1 if v == candidate else -1
    return candidate if votes.count(candidate) * 2 > len(votes) else -1`,
  }),

  define({
    slug: 'totals-between-two-days',
    title: 'Totals between two days',
    difficulty: 'easy',
    topics: ['arrays'],
    statement: `\`sales[i]\` are the sales of day \`i\`. Each query \`[from, until]\` asks for the total sales of days \`from\` to \`until\`, both included. Return the answers in order.

**Constraints:** 1 ≤ n ≤ 50,000 days; 0 ≤ queries ≤ 50,000. Adding up every range again is O(n·q).`,
    fn: 'rangeTotals',
    params: 'sales: int[], queries: int[][]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[3, 1, 4, 1, 5], [[0, 2], [1, 4], [3, 3]]], [8, 11, 1]],
      [[[7], []], []],
    ],
    tests: [
      ['Whole range', [[1, 2, 3], [[0, 2]]], [6]],
      ['Single days', [[5, 6, 7], [[0, 0], [2, 2]]], [5, 7]],
      ['Negative sales (returns)', [[-2, 5, -3], [[0, 2], [0, 1]]], [0, 3]],
      ['Repeated query', [[1, 1], [[0, 1], [0, 1]]], [2, 2]],
      ['Zeros', [[0, 0, 0], [[1, 2]]], [0]],
      ['Last day', [[4, 8, 15], [[2, 2]]], [15]],
    ],
    generate: (n, random) => [
      randomInts(random, n, -1000, 1000),
      Array.from({ length: n }, () => {
        const a = randomInt(random, 0, n - 1);
        const b = randomInt(random, 0, n - 1);
        return [Math.min(a, b), Math.max(a, b)];
      }),
    ],
    js: `function rangeTotals(sales, queries) {
  const prefix = [0];
  for (const s of sales) prefix.push(prefix[prefix.length - 1] + s);
  return queries.map(([from, until]) => prefix[until + 1] - prefix[from]);
}`,
    py: `def range_totals(sales, queries):
    prefix = [0]
    for s in sales:
        prefix.append(prefix[-1] + s)
    return [prefix[u + 1] - prefix[f] for f, u in queries]`,
  }),

  define({
    slug: 'read-the-board-in-a-spiral',
    title: 'Read the board in a spiral',
    difficulty: 'medium',
    topics: ['arrays'],
    statement: `\`board\` is a rectangle of numbers (rows of equal length). Read it in a clockwise spiral: the top row left to right, the right column down, the bottom row right to left, the left column up, and so on inwards. Return the numbers in that order.

**Constraints:** 0 ≤ rows × columns ≤ 62,500.`,
    fn: 'spiralRead',
    params: 'board: int[][]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [1, 2, 3, 6, 9, 8, 7, 4, 5]],
      [[[]], []],
    ],
    tests: [
      ['One number', [[[7]]], [7]],
      ['One row', [[[1, 2, 3]]], [1, 2, 3]],
      ['One column', [[[1], [2], [3]]], [1, 2, 3]],
      ['Wide', [[[1, 2, 3, 4], [5, 6, 7, 8]]], [1, 2, 3, 4, 8, 7, 6, 5]],
      ['Tall', [[[1, 2], [3, 4], [5, 6]]], [1, 2, 4, 6, 5, 3]],
      ['Four by three', [[[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]], [1, 2, 3, 6, 9, 12, 11, 10, 7, 4, 5, 8]],
    ],
    sizes: [4_900, 19_600, 62_500],
    generate: (n, random) => {
      const side = Math.round(Math.sqrt(n));
      return [Array.from({ length: side }, () => randomInts(random, side + 3, 0, 99))];
    },
    js: `function spiralRead(board) {
  const out = [];
  if (board.length === 0) return out;
  let top = 0;
  let bottom = board.length - 1;
  let left = 0;
  let right = board[0].length - 1;
  while (top <= bottom && left <= right) {
    for (let c = left; c <= right; c++) out.push(board[top][c]);
    for (let r = top + 1; r <= bottom; r++) out.push(board[r][right]);
    if (top < bottom) for (let c = right - 1; c >= left; c--) out.push(board[bottom][c]);
    if (left < right) for (let r = bottom - 1; r > top; r--) out.push(board[r][left]);
    top++;
    bottom--;
    left++;
    right--;
  }
  return out;
}`,
    py: `def spiral_read(board):
    out = []
    if not board:
        return out
    top, bottom, left, right = 0, len(board) - 1, 0, len(board[0]) - 1
    while top <= bottom and left <= right:
        out.extend(board[top][left:right + 1])
        out.extend(board[r][right] for r in range(top + 1, bottom + 1))
        if top < bottom:
            out.extend(board[bottom][c] for c in range(right - 1, left - 1, -1))
        if left < right:
            out.extend(board[r][left] for r in range(bottom - 1, top, -1))
        top += 1; bottom -= 1; left += 1; right -= 1
    return out`,
  }),

  define({
    slug: 'same-necklace',
    title: 'The same necklace?',
    difficulty: 'easy',
    topics: ['strings'],
    statement: `A necklace is a loop of beads written as a string from some starting bead, clockwise. Return whether \`a\` and \`b\` describe the same necklace: \`b\` is \`a\` started from another bead (not flipped over).

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'sameNecklace',
    params: 'a: str, b: str',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [['rgbby', 'byrgb'], true],
      [['rgb', 'rbg'], false, 'That one is flipped over.'],
    ],
    tests: [
      ['Empty necklaces', ['', ''], true],
      ['Different lengths', ['ab', 'aba'], false],
      ['Same start', ['xyz', 'xyz'], true],
      ['One bead', ['r', 'g'], false],
      ['All one colour', ['aaaa', 'aaaa'], true],
      ['Same beads, other order', ['aabb', 'abab'], false],
    ],
    generate: (n, random) => {
      const a = randomString(random, n, 'ab');
      const cut = randomInt(random, 1, n - 1);
      return [a, a.slice(cut) + a.slice(0, cut)];
    },
    js: `function sameNecklace(a, b) {
  return a.length === b.length && (a + a).includes(b);
}`,
    py: `def same_necklace(a, b):
    return len(a) == len(b) and b in a + a`,
  }),

  define({
    slug: 'brackets-to-add',
    title: 'Brackets to add',
    difficulty: 'easy',
    topics: ['stacks_queues', 'greedy', 'strings'],
    statement: `\`text\` is made of \`(\` and \`)\`. Return the fewest brackets you must insert (anywhere) to make every bracket matched.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'bracketsToAdd',
    params: 'text: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['())'], 1],
      [['((('], 3],
    ],
    tests: [
      ['Empty text', [''], 0],
      ['Balanced', ['(())()'], 0],
      ['Closed before opened', [')('], 2],
      ['Only closers', [')))'], 3],
      ['Mixed', ['()))(('], 4],
      ['One pair', ['()'], 0],
    ],
    generate: (n, random) => [randomString(random, n, '()')],
    js: `function bracketsToAdd(text) {
  let open = 0;
  let added = 0;
  for (const c of text) {
    if (c === '(') open++;
    else if (open > 0) open--;
    else added++;
  }
  return added + open;
}`,
    py: `def brackets_to_add(text):
    open_ = added = 0
    for c in text:
        if c == '(':
            open_ += 1
        elif open_ > 0:
            open_ -= 1
        else:
            added += 1
    return added + open_`,
  }),
];
