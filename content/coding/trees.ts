import { randomInt } from '../../src/core/coding/problem.js';
import { define } from './define.js';

const TREE_FORMAT = `The tree is given as \`nodes\`: \`nodes[i] = [value, left, right]\`, where \`left\` and \`right\` are the indices of node \`i\`'s children in \`nodes\`, or \`-1\` when there is none. The root is \`nodes[0]\`; an empty tree is \`[]\`.`;

type Nodes = [number, number, number][];

/** A random binary tree: each new node takes a free child slot picked at random (depth stays near log n). */
function randomTree(random: () => number, n: number, min: number, max: number): Nodes {
  const nodes: Nodes = [[randomInt(random, min, max), -1, -1]];
  const slots: [number, 1 | 2][] = [
    [0, 1],
    [0, 2],
  ];
  for (let i = 1; i < n; i++) {
    const k = randomInt(random, 0, slots.length - 1);
    const [parent, side] = slots[k]!;
    slots[k] = slots[slots.length - 1]!;
    slots.pop();
    nodes[parent]![side] = i;
    nodes.push([randomInt(random, min, max), -1, -1]);
    slots.push([i, 1], [i, 2]);
  }
  return nodes;
}

/** A binary search tree of distinct values inserted in random order. */
function randomSearchTree(random: () => number, n: number): Nodes {
  const values = Array.from({ length: n }, (_, i) => i * 3);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  const nodes: Nodes = [];
  for (const v of values) {
    nodes.push([v, -1, -1]);
    if (nodes.length === 1) continue;
    let at = 0;
    for (;;) {
      const side = v < nodes[at]![0] ? 1 : 2;
      const next = nodes[at]![side];
      if (next === -1) {
        nodes[at]![side] = nodes.length - 1;
        break;
      }
      at = next;
    }
  }
  return nodes;
}

// Small trees shared by the tests below.
//        4
//      2   7
//     1 3    9
const sample: Nodes = [
  [4, 1, 2],
  [2, 3, 4],
  [7, -1, 5],
  [1, -1, -1],
  [3, -1, -1],
  [9, -1, -1],
];
const leftChain: Nodes = [
  [1, 1, -1],
  [2, 2, -1],
  [3, -1, -1],
];
const single: Nodes = [[5, -1, -1]];
// 1 with a left 2 (left child 3) and a right 2 (right child 3): a mirror image.
const mirrored: Nodes = [
  [1, 1, 2],
  [2, 3, -1],
  [2, -1, 4],
  [3, -1, -1],
  [3, -1, -1],
];
// The longest path runs below the root: 5-3-2-4-6.
const offCentre: Nodes = [
  [1, 1, -1],
  [2, 2, 3],
  [3, 4, -1],
  [4, -1, 5],
  [5, -1, -1],
  [6, -1, -1],
];

export const trees = [
  define({
    slug: 'height-of-the-org-chart',
    title: 'Height of the org chart',
    difficulty: 'easy',
    topics: ['trees'],
    statement: `An org chart is a binary tree. Return its height: the number of people on the longest chain from the root down to someone with no reports (0 for an empty chart).

${TREE_FORMAT}

**Constraints:** 0 ≤ n ≤ 50,000.`,
    fn: 'treeHeight',
    params: 'nodes: int[][]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[sample], 3],
      [[single], 1],
    ],
    tests: [
      ['Empty chart', [[]], 0],
      ['A chain to the left', [leftChain], 3],
      ['Mirror image', [mirrored], 3],
      ['Deepest on one side', [offCentre], 4],
      ['Root with one right child', [[[1, -1, 1], [2, -1, -1]]], 2],
      ['Values do not matter', [[[-9, 1, -1], [-9, -1, -1]]], 2],
    ],
    generate: (n, random) => [randomTree(random, n, -1000, 1000)],
    js: `function treeHeight(nodes) {
  if (nodes.length === 0) return 0;
  let best = 0;
  const stack = [[0, 1]];
  while (stack.length) {
    const [i, depth] = stack.pop();
    best = Math.max(best, depth);
    if (nodes[i][1] !== -1) stack.push([nodes[i][1], depth + 1]);
    if (nodes[i][2] !== -1) stack.push([nodes[i][2], depth + 1]);
  }
  return best;
}`,
    py: `def tree_height(nodes):
    if not nodes:
        return 0
    best = 0
    stack = [(0, 1)]
    while stack:
        i, depth = stack.pop()
        best = max(best, depth)
        for child in nodes[i][1:]:
            if child != -1:
                stack.append((child, depth + 1))
    return best`,
  }),

  define({
    slug: 'totals-per-level',
    title: 'Totals per level',
    difficulty: 'easy',
    topics: ['trees', 'stacks_queues'],
    statement: `Return the sum of the values on each level of a binary tree, from the root's level down.

${TREE_FORMAT}

**Constraints:** 0 ≤ n ≤ 50,000; |value| ≤ 10⁴.`,
    fn: 'levelTotals',
    params: 'nodes: int[][]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[sample], [4, 9, 13]],
      [[[]], []],
    ],
    tests: [
      ['One node', [single], [5]],
      ['A chain', [leftChain], [1, 2, 3]],
      ['Mirror image', [mirrored], [1, 4, 6]],
      ['Uneven depths', [offCentre], [1, 2, 7, 11]],
      ['Negative values cancel', [[[0, 1, 2], [-3, -1, -1], [3, -1, -1]]], [0, 0]],
      ['Right only', [[[1, -1, 1], [2, -1, 2], [3, -1, -1]]], [1, 2, 3]],
    ],
    generate: (n, random) => [randomTree(random, n, -1e4, 1e4)],
    js: `function levelTotals(nodes) {
  const out = [];
  let level = nodes.length ? [0] : [];
  while (level.length) {
    let sum = 0;
    const next = [];
    for (const i of level) {
      sum += nodes[i][0];
      if (nodes[i][1] !== -1) next.push(nodes[i][1]);
      if (nodes[i][2] !== -1) next.push(nodes[i][2]);
    }
    out.push(sum);
    level = next;
  }
  return out;
}`,
    py: `def level_totals(nodes):
    out = []
    level = [0] if nodes else []
    while level:
        out.append(sum(nodes[i][0] for i in level))
        level = [c for i in level for c in nodes[i][1:] if c != -1]
    return out`,
  }),

  define({
    slug: 'is-it-a-search-tree',
    title: 'Is it a search tree?',
    difficulty: 'medium',
    topics: ['trees'],
    statement: `Return whether a binary tree is a search tree: for every node, every value in its left subtree is strictly smaller than its value and every value in its right subtree strictly larger. (Comparing a node with its children only is not enough.) An empty tree is a search tree.

${TREE_FORMAT}

**Constraints:** 0 ≤ n ≤ 50,000.`,
    fn: 'isSearchTree',
    params: 'nodes: int[][]',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [[sample], true],
      [[leftChain], false, '2 is in the left subtree of 1.'],
    ],
    tests: [
      ['Empty tree', [[]], true],
      ['One node', [single], true],
      [
        'A grandchild on the wrong side of the root',
        [
          [
            [5, 1, 2],
            [3, -1, 3],
            [8, -1, -1],
            [6, -1, -1],
          ],
        ],
        false,
      ],
      ['Equal values are not allowed', [[[2, 1, -1], [2, -1, -1]]], false],
      ['Right chain rising', [[[1, -1, 1], [2, -1, 2], [3, -1, -1]]], true],
      ['Negative values', [[[-5, 1, 2], [-10, -1, -1], [0, -1, -1]]], true],
    ],
    generate: (n, random) => {
      const nodes = randomSearchTree(random, n);
      // Nudge one deep leaf just past its grandparent's bound: only a full range check sees it.
      const leaf = nodes.findIndex((node, i) => i > n / 2 && node[1] === -1 && node[2] === -1);
      if (leaf > 0) nodes[leaf]![0] = nodes[0]![0] + (nodes[leaf]![0] < nodes[0]![0] ? 1 : -1);
      return [nodes];
    },
    js: `function isSearchTree(nodes) {
  if (nodes.length === 0) return true;
  const stack = [[0, -Infinity, Infinity]];
  while (stack.length) {
    const [i, low, high] = stack.pop();
    const [v, l, r] = nodes[i];
    if (v <= low || v >= high) return false;
    if (l !== -1) stack.push([l, low, v]);
    if (r !== -1) stack.push([r, v, high]);
  }
  return true;
}`,
    py: `def is_search_tree(nodes):
    if not nodes:
        return True
    stack = [(0, float('-inf'), float('inf'))]
    while stack:
        i, low, high = stack.pop()
        v, l, r = nodes[i]
        if v <= low or v >= high:
            return False
        if l != -1:
            stack.append((l, low, v))
        if r != -1:
            stack.append((r, v, high))
    return True`,
  }),

  define({
    slug: 'richest-trail-to-a-leaf',
    title: 'Richest trail to a leaf',
    difficulty: 'easy',
    topics: ['trees', 'dynamic_programming'],
    statement: `Each node of a binary tree holds coins (possibly a debt, below zero). A trail starts at the root and goes down to a leaf (a node with no children). Return the most coins a trail can collect, or \`0\` for an empty tree.

${TREE_FORMAT}

**Constraints:** 0 ≤ n ≤ 50,000; |value| ≤ 10⁴.`,
    fn: 'richestTrail',
    params: 'nodes: int[][]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[sample], 20, '4 + 7 + 9.'],
      [[[[5, 1, -1], [-10, -1, -1]]], -5, 'The trail must end at a leaf.'],
    ],
    tests: [
      ['Empty tree', [[]], 0],
      ['One node', [single], 5],
      ['A chain', [leftChain], 6],
      ['All debts', [[[-1, 1, 2], [-5, -1, -1], [-2, -1, -1]]], -3],
      ['The deeper leaf pays more', [[[1, 1, 2], [10, -1, -1], [2, 3, -1], [20, -1, -1]]], 23],
      ['Mirror image', [mirrored], 6],
    ],
    generate: (n, random) => [randomTree(random, n, -1e4, 1e4)],
    js: `function richestTrail(nodes) {
  if (nodes.length === 0) return 0;
  let best = -Infinity;
  const stack = [[0, 0]];
  while (stack.length) {
    const [i, sum] = stack.pop();
    const [v, l, r] = nodes[i];
    if (l === -1 && r === -1) best = Math.max(best, sum + v);
    if (l !== -1) stack.push([l, sum + v]);
    if (r !== -1) stack.push([r, sum + v]);
  }
  return best;
}`,
    py: `def richest_trail(nodes):
    if not nodes:
        return 0
    best = None
    stack = [(0, 0)]
    while stack:
        i, total = stack.pop()
        v, l, r = nodes[i]
        if l == -1 and r == -1:
            best = total + v if best is None else max(best, total + v)
        if l != -1:
            stack.append((l, total + v))
        if r != -1:
            stack.append((r, total + v))
    return best`,
  }),

  define({
    slug: 'nearest-shared-manager',
    title: 'Nearest shared manager',
    difficulty: 'medium',
    topics: ['trees'],
    statement: `In an org chart given as a binary tree, return the index of the lowest node that has both \`a\` and \`b\` in its subtree (a node is in its own subtree). \`a\` and \`b\` are indices of existing nodes.

${TREE_FORMAT}

**Constraints:** 1 ≤ n ≤ 50,000.`,
    fn: 'nearestSharedManager',
    params: 'nodes: int[][], a: int, b: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[sample, 3, 4], 1, 'Both report to node 1 (value 2).'],
      [[sample, 4, 5], 0],
    ],
    tests: [
      ['The same person', [sample, 2, 2], 2],
      ['One manages the other', [sample, 2, 5], 2],
      ['Other order', [sample, 5, 2], 2],
      ['Single node', [single, 0, 0], 0],
      ['Deep in a chain', [leftChain, 1, 2], 1],
      ['Below the root', [offCentre, 4, 5], 1],
    ],
    generate: (n, random) => [randomTree(random, n, 0, 9), n - 1, n - 2],
    js: `function nearestSharedManager(nodes, a, b) {
  const parent = new Array(nodes.length).fill(-1);
  nodes.forEach(([, l, r], i) => {
    if (l !== -1) parent[l] = i;
    if (r !== -1) parent[r] = i;
  });
  const above = new Set();
  for (let x = a; x !== -1; x = parent[x]) above.add(x);
  let y = b;
  while (!above.has(y)) y = parent[y];
  return y;
}`,
    py: `def nearest_shared_manager(nodes, a, b):
    parent = [-1] * len(nodes)
    for i, (_, l, r) in enumerate(nodes):
        if l != -1:
            parent[l] = i
        if r != -1:
            parent[r] = i
    above = set()
    x = a
    while x != -1:
        above.add(x)
        x = parent[x]
    y = b
    while y not in above:
        y = parent[y]
    return y`,
  }),

  define({
    slug: 'mirror-image-tree',
    title: 'A tree that is its own mirror image',
    difficulty: 'easy',
    topics: ['trees'],
    statement: `Return whether a binary tree looks the same in a mirror: its left subtree is the mirror image of its right one, in shape and in values.

${TREE_FORMAT}

**Constraints:** 0 ≤ n ≤ 50,000.`,
    fn: 'isMirrorImage',
    params: 'nodes: int[][]',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [[mirrored], true],
      [[sample], false],
    ],
    tests: [
      ['Empty tree', [[]], true],
      ['One node', [single], true],
      ['Values differ', [[[1, 1, 2], [2, -1, -1], [3, -1, -1]]], false],
      ['Shapes differ', [[[1, 1, 2], [2, 3, -1], [2, 4, -1], [3, -1, -1], [3, -1, -1]]], false],
      ['A chain', [leftChain], false],
      ['Two equal children', [[[7, 1, 2], [4, -1, -1], [4, -1, -1]]], true],
    ],
    generate: (n, random) => {
      // A random half and its mirror under one root, with the deepest-numbered node changed.
      const half = randomTree(random, Math.floor((n - 1) / 2), 0, 5);
      const m = half.length;
      const nodes: Nodes = [[1, 1, 1 + m]];
      for (const [v, l, r] of half) nodes.push([v, l === -1 ? -1 : l + 1, r === -1 ? -1 : r + 1]);
      for (const [v, l, r] of half) nodes.push([v, r === -1 ? -1 : r + 1 + m, l === -1 ? -1 : l + 1 + m]);
      nodes[nodes.length - 1]![0] = 6;
      return [nodes];
    },
    js: `function isMirrorImage(nodes) {
  if (nodes.length === 0) return true;
  const pairs = [[nodes[0][1], nodes[0][2]]];
  while (pairs.length) {
    const [a, b] = pairs.pop();
    if (a === -1 || b === -1) {
      if (a !== b) return false;
      continue;
    }
    if (nodes[a][0] !== nodes[b][0]) return false;
    pairs.push([nodes[a][1], nodes[b][2]], [nodes[a][2], nodes[b][1]]);
  }
  return true;
}`,
    py: `def is_mirror_image(nodes):
    if not nodes:
        return True
    pairs = [(nodes[0][1], nodes[0][2])]
    while pairs:
        a, b = pairs.pop()
        if a == -1 or b == -1:
            if a != b:
                return False
            continue
        if nodes[a][0] != nodes[b][0]:
            return False
        pairs.append((nodes[a][1], nodes[b][2]))
        pairs.append((nodes[a][2], nodes[b][1]))
    return True`,
  }),

  define({
    slug: 'longest-walk-in-a-tree',
    title: 'Longest walk in a tree',
    difficulty: 'medium',
    topics: ['trees'],
    statement: `Return the number of edges on the longest path between any two nodes of a binary tree. The path need not pass through the root. An empty tree or a single node has \`0\`.

${TREE_FORMAT}

**Constraints:** 0 ≤ n ≤ 50,000. Measuring the height again from every node is quadratic on tall trees.`,
    fn: 'longestWalk',
    params: 'nodes: int[][]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[sample], 4, 'From 1 (or 3) up to 4 and down to 9.'],
      [[offCentre], 4, 'The path 5, 3, 2, 4, 6 does not touch the root.'],
    ],
    tests: [
      ['Empty tree', [[]], 0],
      ['One node', [single], 0],
      ['A chain', [leftChain], 2],
      ['Mirror image', [mirrored], 4],
      ['Two nodes', [[[1, -1, 1], [2, -1, -1]]], 1],
      ['Root with two leaves', [[[1, 1, 2], [2, -1, -1], [3, -1, -1]]], 2],
    ],
    generate: (n, random) => [randomTree(random, n, 0, 9)],
    js: `function longestWalk(nodes) {
  if (nodes.length === 0) return 0;
  // Children come after their parents in a depth-first order; heights are filled in reverse.
  const order = [];
  const stack = [0];
  while (stack.length) {
    const i = stack.pop();
    order.push(i);
    if (nodes[i][1] !== -1) stack.push(nodes[i][1]);
    if (nodes[i][2] !== -1) stack.push(nodes[i][2]);
  }
  const height = new Array(nodes.length).fill(0);
  let best = 0;
  for (let k = order.length - 1; k >= 0; k--) {
    const [, l, r] = nodes[order[k]];
    const hl = l === -1 ? 0 : height[l] + 1;
    const hr = r === -1 ? 0 : height[r] + 1;
    height[order[k]] = Math.max(hl, hr);
    best = Math.max(best, hl + hr);
  }
  return best;
}`,
    py: `def longest_walk(nodes):
    if not nodes:
        return 0
    order, stack = [], [0]
    while stack:
        i = stack.pop()
        order.append(i)
        for c in nodes[i][1:]:
            if c != -1:
                stack.append(c)
    height = [0] * len(nodes)
    best = 0
    for i in reversed(order):
        _, l, r = nodes[i]
        hl = 0 if l == -1 else height[l] + 1
        hr = 0 if r == -1 else height[r] + 1
        height[i] = max(hl, hr)
        best = max(best, hl + hr)
    return best`,
  }),
];
