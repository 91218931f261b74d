import { randomInt, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';
import { HEAP_NOTE, withMinHeap } from './min-heap.js';

/**
 * Graph and heap work is slow in the QuickJS interpreter (a heap push is a few hundred bytecodes):
 * smaller large inputs and a longer limit. 20,000 still puts an O(n²) solution far past 4 s.
 */
const HEAVY = { sizes: [2_000, 6_000, 20_000], timeLimitMs: 4000 };

const EDGES = (kind: 'undirected' | 'directed') =>
  `Nodes are numbered \`0\` to \`n - 1\`; \`edges[k] = [u, v]\` is ${kind === 'undirected' ? 'a two-way link between `u` and `v`' : 'a one-way link from `u` to `v`'}. There may be repeated links.`;

/** m random links among n nodes. */
const randomEdges = (random: () => number, n: number, m: number) =>
  Array.from({ length: m }, () => [randomInt(random, 0, n - 1), randomInt(random, 0, n - 1)]);

export const graphs = [
  define({
    slug: 'rooms-you-can-reach',
    ...HEAVY,
    title: 'Rooms you can reach',
    difficulty: 'easy',
    topics: ['graphs'],
    statement: `A building has \`n\` rooms joined by doors. Starting in room 0, return how many rooms you can reach, room 0 included.

${EDGES('undirected')}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'reachableRooms',
    params: 'n: int, edges: int[][]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[5, [[0, 1], [1, 2], [3, 4]]], 3],
      [[1, []], 1],
    ],
    tests: [
      ['No doors', [4, []], 1],
      ['A door to itself', [2, [[0, 0]]], 1],
      ['Everything joined', [3, [[2, 1], [1, 0]]], 3],
      ['Reached only backwards', [3, [[2, 0], [1, 2]]], 3],
      ['Repeated doors', [3, [[0, 1], [0, 1], [1, 0]]], 2],
      ['Cycle', [4, [[0, 1], [1, 2], [2, 0], [3, 3]]], 3],
    ],
    generate: (n, random) => [n, randomEdges(random, n, Math.floor(n * 0.6))],
    js: `function reachableRooms(n, edges) {
  const links = Array.from({ length: n }, () => []);
  for (const [u, v] of edges) {
    links[u].push(v);
    links[v].push(u);
  }
  const seen = new Uint8Array(n);
  seen[0] = 1;
  const stack = [0];
  let count = 1;
  while (stack.length) {
    for (const v of links[stack.pop()]) {
      if (!seen[v]) {
        seen[v] = 1;
        count++;
        stack.push(v);
      }
    }
  }
  return count;
}`,
    py: `def reachable_rooms(n, edges):
    links = [[] for _ in range(n)]
    for u, v in edges:
        links[u].append(v)
        links[v].append(u)
    seen = [False] * n
    seen[0] = True
    stack = [0]
    count = 1
    while stack:
        for v in links[stack.pop()]:
            if not seen[v]:
                seen[v] = True
                count += 1
                stack.append(v)
    return count`,
  }),

  define({
    slug: 'fewest-connections',
    ...HEAVY,
    title: 'Fewest connections',
    difficulty: 'medium',
    topics: ['graphs', 'stacks_queues'],
    statement: `In a network of \`n\` people, \`edges\` are friendships. Return the fewest friendships a message needs to travel from \`start\` to \`goal\`, or \`-1\` when it cannot arrive.

${EDGES('undirected')}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'fewestConnections',
    params: 'n: int, edges: int[][], start: int, goal: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[4, [[0, 1], [1, 2], [2, 3], [0, 2]], 0, 3], 2, '0 → 2 → 3.'],
      [[3, [[0, 1]], 0, 2], -1],
    ],
    tests: [
      ['Same person', [3, [], 1, 1], 0],
      ['Direct friends', [2, [[1, 0]], 0, 1], 1],
      ['A long chain', [5, [[0, 1], [1, 2], [2, 3], [3, 4]], 4, 0], 4],
      ['A shortcut', [5, [[0, 1], [1, 2], [2, 3], [3, 4], [0, 4]], 0, 3], 2],
      ['Separate groups', [4, [[0, 1], [2, 3]], 1, 2], -1],
      ['Self friendship', [2, [[0, 0]], 0, 1], -1],
    ],
    generate: (n, random) => [n, randomEdges(random, n, n * 2), 0, n - 1],
    js: `function fewestConnections(n, edges, start, goal) {
  const links = Array.from({ length: n }, () => []);
  for (const [u, v] of edges) {
    links[u].push(v);
    links[v].push(u);
  }
  const dist = new Int32Array(n).fill(-1);
  dist[start] = 0;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    if (u === goal) return dist[u];
    for (const v of links[u]) {
      if (dist[v] === -1) {
        dist[v] = dist[u] + 1;
        queue.push(v);
      }
    }
  }
  return -1;
}`,
    py: `from collections import deque

def fewest_connections(n, edges, start, goal):
    links = [[] for _ in range(n)]
    for u, v in edges:
        links[u].append(v)
        links[v].append(u)
    dist = [-1] * n
    dist[start] = 0
    queue = deque([start])
    while queue:
        u = queue.popleft()
        if u == goal:
            return dist[u]
        for v in links[u]:
            if dist[v] == -1:
                dist[v] = dist[u] + 1
                queue.append(v)
    return -1`,
  }),

  define({
    slug: 'can-every-course-be-taken',
    ...HEAVY,
    title: 'Can every course be taken?',
    difficulty: 'medium',
    topics: ['graphs'],
    statement: `A school has \`n\` courses; \`edges[k] = [a, b]\` says course \`a\` must be passed before course \`b\`. Return whether some order lets a student pass every course (that is, the requirements have no cycle).

${EDGES('directed')}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'canTakeAll',
    params: 'n: int, edges: int[][]',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [[3, [[0, 1], [1, 2]]], true],
      [[2, [[0, 1], [1, 0]]], false],
    ],
    tests: [
      ['No requirements', [3, []], true],
      ['A course requires itself', [1, [[0, 0]]], false],
      ['Diamond', [4, [[0, 1], [0, 2], [1, 3], [2, 3]]], true],
      ['Long cycle', [4, [[0, 1], [1, 2], [2, 3], [3, 1]]], false],
      ['Repeated requirement', [2, [[0, 1], [0, 1]]], true],
      ['Cycle apart from the rest', [5, [[0, 1], [2, 3], [3, 4], [4, 2]]], false],
    ],
    generate: (n, random) => {
      // Requirements only point forward (no cycle) except one link back near the end.
      const edges = Array.from({ length: n * 2 }, () => {
        const a = randomInt(random, 0, n - 2);
        return [a, randomInt(random, a + 1, n - 1)];
      });
      edges.push([n - 1, randomInt(random, 0, n - 2)]);
      return [n, edges];
    },
    js: `function canTakeAll(n, edges) {
  const next = Array.from({ length: n }, () => []);
  const needs = new Int32Array(n);
  for (const [a, b] of edges) {
    next[a].push(b);
    needs[b]++;
  }
  const ready = [];
  for (let i = 0; i < n; i++) if (needs[i] === 0) ready.push(i);
  let passed = 0;
  while (ready.length) {
    const c = ready.pop();
    passed++;
    for (const d of next[c]) if (--needs[d] === 0) ready.push(d);
  }
  return passed === n;
}`,
    py: `def can_take_all(n, edges):
    nxt = [[] for _ in range(n)]
    needs = [0] * n
    for a, b in edges:
        nxt[a].append(b)
        needs[b] += 1
    ready = [i for i in range(n) if needs[i] == 0]
    passed = 0
    while ready:
        c = ready.pop()
        passed += 1
        for d in nxt[c]:
            needs[d] -= 1
            if needs[d] == 0:
                ready.append(d)
    return passed == n`,
  }),

  define({
    slug: 'earliest-build-order',
    ...HEAVY,
    title: 'Earliest build order',
    difficulty: 'hard',
    topics: ['graphs', 'heaps'],
    statement: `A build has \`n\` packages; \`edges[k] = [a, b]\` means package \`a\` must be built before \`b\`. Among all valid orders, return the one that is smallest read left to right (at each step, build the lowest-numbered package that is ready). Return \`[]\` when no order exists.

${EDGES('directed')} ${HEAP_NOTE}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'buildOrder',
    params: 'n: int, edges: int[][]',
    returns: 'int[]',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[4, [[3, 1], [2, 1]]], [0, 2, 3, 1], '0 needs nothing; 1 waits for 2 and 3.'],
      [[2, [[0, 1], [1, 0]]], []],
    ],
    tests: [
      ['No requirements', [3, []], [0, 1, 2]],
      ['Reverse chain', [3, [[2, 1], [1, 0]]], [2, 1, 0]],
      ['Self requirement', [2, [[1, 1]]], []],
      ['Lowest ready first', [5, [[4, 0], [3, 1]]], [2, 3, 1, 4, 0]],
      ['Repeated requirement', [2, [[1, 0], [1, 0]]], [1, 0]],
      ['Diamond', [4, [[0, 2], [0, 1], [1, 3], [2, 3]]], [0, 1, 2, 3]],
    ],
    generate: (n, random) => {
      const edges = Array.from({ length: n * 2 }, () => {
        const a = randomInt(random, 1, n - 1);
        return [a, randomInt(random, 0, a - 1)];
      });
      return [n, edges];
    },
    js: `function buildOrder(n, edges) {
  const next = Array.from({ length: n }, () => []);
  const needs = new Int32Array(n);
  for (const [a, b] of edges) {
    next[a].push(b);
    needs[b]++;
  }
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (needs[i] === 0) ready.push(i);
  const order = [];
  while (ready.size) {
    const p = ready.pop();
    order.push(p);
    for (const q of next[p]) if (--needs[q] === 0) ready.push(q);
  }
  return order.length === n ? order : [];
}`,
    py: `import heapq

def build_order(n, edges):
    nxt = [[] for _ in range(n)]
    needs = [0] * n
    for a, b in edges:
        nxt[a].append(b)
        needs[b] += 1
    ready = [i for i in range(n) if needs[i] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        p = heapq.heappop(ready)
        order.append(p)
        for q in nxt[p]:
            needs[q] -= 1
            if needs[q] == 0:
                heapq.heappush(ready, q)
    return order if len(order) == n else []`,
  }),

  define({
    slug: 'cheapest-delivery-times',
    ...HEAVY,
    title: 'Cheapest delivery times',
    difficulty: 'hard',
    topics: ['graphs', 'heaps'],
    statement: `A courier leaves depot 0. \`roads[k] = [u, v, minutes]\` is a one-way road from \`u\` to \`v\`. Return, for every place, the fewest minutes to reach it from the depot, or \`-1\` when it cannot be reached.

Places are numbered \`0\` to \`n - 1\`; minutes are non-negative. ${HEAP_NOTE}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ roads ≤ 100,000; minutes ≤ 1,000.`,
    fn: 'deliveryTimes',
    params: 'n: int, roads: int[][]',
    returns: 'int[]',
    complexity: 'O(n log n)',
    preamble: withMinHeap,
    examples: [
      [[4, [[0, 1, 5], [0, 2, 1], [2, 1, 2], [1, 3, 1]]], [0, 3, 1, 4], 'Via place 2, place 1 takes 3 minutes.'],
      [[3, [[1, 2, 4]]], [0, -1, -1]],
    ],
    tests: [
      ['Only the depot', [1, []], [0]],
      ['One-way roads', [2, [[1, 0, 3]]], [0, -1]],
      ['Free roads', [3, [[0, 1, 0], [1, 2, 0]]], [0, 0, 0]],
      ['Parallel roads', [2, [[0, 1, 9], [0, 1, 4]]], [0, 4]],
      ['Loop back to the depot', [3, [[0, 1, 2], [1, 0, 1], [1, 2, 2]]], [0, 2, 4]],
      ['Longer but cheaper', [4, [[0, 3, 10], [0, 1, 1], [1, 2, 1], [2, 3, 1]]], [0, 1, 2, 3]],
    ],
    generate: (n, random) => [
      n,
      Array.from({ length: n * 2 }, () => [randomInt(random, 0, n - 1), randomInt(random, 0, n - 1), randomInt(random, 0, 1000)]),
    ],
    js: `function deliveryTimes(n, roads) {
  const out = Array.from({ length: n }, () => []);
  for (const [u, v, w] of roads) out[u].push([v, w]);
  const dist = new Array(n).fill(-1);
  const heap = new MinHeap((a, b) => a[0] < b[0]);
  heap.push([0, 0]);
  while (heap.size) {
    const [d, u] = heap.pop();
    if (dist[u] !== -1) continue;
    dist[u] = d;
    for (const [v, w] of out[u]) if (dist[v] === -1) heap.push([d + w, v]);
  }
  return dist;
}`,
    py: `import heapq

def delivery_times(n, roads):
    out = [[] for _ in range(n)]
    for u, v, w in roads:
        out[u].append((v, w))
    dist = [-1] * n
    heap = [(0, 0)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] != -1:
            continue
        dist[u] = d
        for v, w in out[u]:
            if dist[v] == -1:
                heapq.heappush(heap, (d + w, v))
    return dist`,
  }),

  define({
    slug: 'count-friend-circles',
    ...HEAVY,
    title: 'Count the friend circles',
    difficulty: 'easy',
    topics: ['graphs'],
    statement: `\`n\` people and their friendships \`edges\`. A friend circle is a group where everyone is linked through a chain of friendships, and no one outside is linked to it. Return the number of circles (someone with no friends is a circle alone).

${EDGES('undirected')}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'countCircles',
    params: 'n: int, edges: int[][]',
    returns: 'int',
    complexity: 'O(n log n)',
    examples: [
      [[5, [[0, 1], [1, 2], [3, 4]]], 2],
      [[3, []], 3],
    ],
    tests: [
      ['One person', [1, []], 1],
      ['Everyone linked', [4, [[0, 1], [2, 3], [1, 2]]], 1],
      ['Self friendship', [2, [[1, 1]]], 2],
      ['Repeated friendships', [3, [[0, 2], [2, 0], [0, 2]]], 2],
      ['A cycle', [4, [[0, 1], [1, 2], [2, 0]]], 2],
      ['Star', [5, [[0, 1], [0, 2], [0, 3], [0, 4]]], 1],
    ],
    generate: (n, random) => [n, randomEdges(random, n, Math.floor(n * 0.7))],
    js: `function countCircles(n, edges) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let circles = n;
  for (const [u, v] of edges) {
    const a = find(u);
    const b = find(v);
    if (a !== b) {
      parent[a] = b;
      circles--;
    }
  }
  return circles;
}`,
    py: `def count_circles(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    circles = n
    for u, v in edges:
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
            circles -= 1
    return circles`,
  }),

  define({
    slug: 'two-teams-without-rivals',
    ...HEAVY,
    title: 'Two teams without rivals',
    difficulty: 'medium',
    topics: ['graphs'],
    statement: `\`n\` players and pairs of rivals \`edges\`. Return whether the players can be split into two teams so that no two rivals play on the same team.

${EDGES('undirected')}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'canSplitTeams',
    params: 'n: int, edges: int[][]',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [[4, [[0, 1], [1, 2], [2, 3], [3, 0]]], true],
      [[3, [[0, 1], [1, 2], [2, 0]]], false, 'Three players who are all rivals.'],
    ],
    tests: [
      ['No rivals', [3, []], true],
      ['Rival of oneself', [1, [[0, 0]]], false],
      ['Two separate groups', [6, [[0, 1], [2, 3], [3, 4], [4, 2]]], false],
      ['A path', [5, [[0, 1], [1, 2], [2, 3], [3, 4]]], true],
      ['Repeated rivalry', [2, [[0, 1], [1, 0]]], true],
      ['Odd cycle far away', [7, [[0, 1], [4, 5], [5, 6], [6, 4]]], false],
    ],
    generate: (n, random) => {
      // Rivalries only across even and odd players (splittable), then one between two evens.
      const edges = Array.from({ length: n * 2 }, () => [2 * randomInt(random, 0, n / 2 - 1), 2 * randomInt(random, 0, n / 2 - 1) + 1]);
      edges.push([n - 2, n - 4]);
      return [n, edges];
    },
    js: `function canSplitTeams(n, edges) {
  const links = Array.from({ length: n }, () => []);
  for (const [u, v] of edges) {
    links[u].push(v);
    links[v].push(u);
  }
  const team = new Int8Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (team[s] !== -1) continue;
    team[s] = 0;
    const stack = [s];
    while (stack.length) {
      const u = stack.pop();
      for (const v of links[u]) {
        if (team[v] === -1) {
          team[v] = 1 - team[u];
          stack.push(v);
        } else if (team[v] === team[u]) return false;
      }
    }
  }
  return true;
}`,
    py: `def can_split_teams(n, edges):
    links = [[] for _ in range(n)]
    for u, v in edges:
        links[u].append(v)
        links[v].append(u)
    team = [-1] * n
    for s in range(n):
        if team[s] != -1:
            continue
        team[s] = 0
        stack = [s]
        while stack:
            u = stack.pop()
            for v in links[u]:
                if team[v] == -1:
                    team[v] = 1 - team[u]
                    stack.append(v)
                elif team[v] == team[u]:
                    return False
    return True`,
  }),

  define({
    slug: 'first-cable-that-closes-a-loop',
    ...HEAVY,
    title: 'First cable that closes a loop',
    difficulty: 'medium',
    topics: ['graphs'],
    statement: `Technicians lay cables between \`n\` machines in the order of \`edges\`. Return the first cable \`[u, v]\` (as given) that joins two machines already connected, making a loop, or \`[]\` when no cable does.

${EDGES('undirected')}

**Constraints:** 1 ≤ n ≤ 50,000; 0 ≤ edges ≤ 100,000.`,
    fn: 'firstLoopCable',
    params: 'n: int, edges: int[][]',
    returns: 'int[]',
    complexity: 'O(n log n)',
    examples: [
      [[4, [[0, 1], [1, 2], [2, 0], [2, 3]]], [2, 0]],
      [[3, [[0, 1], [1, 2]]], []],
    ],
    tests: [
      ['No cables', [2, []], []],
      ['A cable to itself', [2, [[1, 1]]], [1, 1]],
      ['A doubled cable', [3, [[0, 2], [2, 0]]], [2, 0]],
      ['Loop closes late', [5, [[0, 1], [2, 3], [3, 4], [1, 2], [4, 0]]], [4, 0]],
      ['Only the first loop', [4, [[0, 1], [1, 0], [2, 3], [3, 2]]], [1, 0]],
      ['Tree', [4, [[0, 1], [0, 2], [0, 3]]], []],
    ],
    generate: (n, random) => {
      const edges = Array.from({ length: n - 1 }, (_, i) => [i + 1, randomInt(random, 0, i)]);
      for (let i = edges.length - 1; i > 0; i--) {
        const j = randomInt(random, 0, i);
        [edges[i], edges[j]] = [edges[j]!, edges[i]!];
      }
      edges.push([randomInt(random, 0, n - 1), randomInt(random, 0, n - 1)]);
      return [n, edges];
    },
    js: `function firstLoopCable(n, edges) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const [u, v] of edges) {
    const a = find(u);
    const b = find(v);
    if (a === b) return [u, v];
    parent[a] = b;
  }
  return [];
}`,
    py: `def first_loop_cable(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in edges:
        a, b = find(u), find(v)
        if a == b:
            return [u, v]
        parent[a] = b
    return []`,
  }),

  define({
    slug: 'escape-the-maze',
    title: 'Escape the maze',
    difficulty: 'medium',
    topics: ['graphs', 'stacks_queues'],
    statement: `A maze is a list of equal-length strings: \`.\` is open floor and \`#\` a wall. Starting at the top-left cell, return the fewest steps (up, down, left, right) to reach the bottom-right cell, or \`-1\` when it cannot be reached. When either corner is a wall, return \`-1\`.

**Constraints:** 1 ≤ rows × columns ≤ 62,500.`,
    fn: 'escapeSteps',
    params: 'maze: str[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[['..#', '#..', '#..']], 4],
      [[['.#', '#.']], -1],
    ],
    tests: [
      ['One open cell', [['.']], 0],
      ['One wall', [['#']], -1],
      ['A corridor', [['.....']], 4],
      ['The exit is a wall', [['..', '.#']], -1],
      ['A detour', [['...', '##.', '...', '.##', '...']], 10],
      ['Open field', [['...', '...', '...']], 4],
    ],
    sizes: [2_500, 10_000, 22_500],
    generate: (n, random) => {
      const side = Math.round(Math.sqrt(n));
      const rows = Array.from({ length: side }, () => randomString(random, side, '....#'));
      rows[0] = `.${rows[0]!.slice(1)}`;
      rows[side - 1] = `${rows[side - 1]!.slice(0, -1)}.`;
      return [rows];
    },
    js: `function escapeSteps(maze) {
  const rows = maze.length;
  const cols = maze[0].length;
  if (maze[0][0] === '#' || maze[rows - 1][cols - 1] === '#') return -1;
  const dist = new Int32Array(rows * cols).fill(-1);
  dist[0] = 0;
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head];
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    if (r === rows - 1 && c === cols - 1) return dist[cell];
    for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
      if (nr < 0 || nc < 0 || nr >= rows || nc >= cols || maze[nr][nc] === '#') continue;
      const k = nr * cols + nc;
      if (dist[k] === -1) {
        dist[k] = dist[cell] + 1;
        queue.push(k);
      }
    }
  }
  return -1;
}`,
    py: `from collections import deque

def escape_steps(maze):
    rows, cols = len(maze), len(maze[0])
    if maze[0][0] == '#' or maze[-1][-1] == '#':
        return -1
    dist = [[-1] * cols for _ in range(rows)]
    dist[0][0] = 0
    queue = deque([(0, 0)])
    while queue:
        r, c = queue.popleft()
        if r == rows - 1 and c == cols - 1:
            return dist[r][c]
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != '#' and dist[nr][nc] == -1:
                dist[nr][nc] = dist[r][c] + 1
                queue.append((nr, nc))
    return -1`,
  }),
];
