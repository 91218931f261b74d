import { randomInt, randomInts, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';

export const stacksQueues = [
  define({
    slug: 'editor-with-undo-and-redo',
    title: 'Editor with undo and redo',
    difficulty: 'medium',
    topics: ['stacks_queues', 'strings'],
    statement: `A tiny editor receives \`commands\`, in order:

- \`type <text>\` appends the text after the word \`type\` and its space (the text may contain spaces);
- \`undo\` removes what the most recent still-standing \`type\` added (nothing happens when there is none);
- \`redo\` puts back what the most recent \`undo\` removed (nothing happens when there is none). A new \`type\` forgets everything that could be redone.

Return the final text.

**Constraints:** 0 ≤ commands ≤ 50,000. Copying the whole text on every command is too slow.`,
    fn: 'finalText',
    params: 'commands: str[]',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [[['type ab', 'type c', 'undo', 'type d']], 'abd'],
      [[['type ab', 'undo', 'redo']], 'ab'],
    ],
    tests: [
      ['No commands', [[]], ''],
      ['Undo with nothing typed', [['undo']], ''],
      ['Undo twice after one type', [['type x', 'undo', 'undo']], ''],
      ['Undo two, type again', [['type a', 'type b', 'undo', 'undo', 'type c']], 'c'],
      ['Text with spaces', [['type hello world']], 'hello world'],
      ['Typing forgets the redo', [['type a', 'type b', 'undo', 'type c', 'redo']], 'ac'],
      ['Redo only what was undone', [['type a', 'undo', 'undo', 'redo', 'redo']], 'a'],
      ['Redo with nothing undone', [['redo', 'type q']], 'q'],
    ],
    generate: (n, random) => [
      Array.from({ length: n }, () => {
        const r = random();
        return r < 0.6 ? `type ${randomString(random, randomInt(random, 1, 3), 'xyz ')}` : r < 0.85 ? 'undo' : 'redo';
      }),
    ],
    js: `function finalText(commands) {
  const done = [];
  let undone = [];
  for (const c of commands) {
    if (c.startsWith('type ')) {
      done.push(c.slice(5));
      undone = [];
    } else if (c === 'undo') {
      if (done.length) undone.push(done.pop());
    } else if (c === 'redo') {
      if (undone.length) done.push(undone.pop());
    }
  }
  return done.join('');
}`,
    py: `def final_text(commands):
    done, undone = [], []
    for c in commands:
        if c.startswith('type '):
            done.append(c[5:])
            undone = []
        elif c == 'undo':
            if done:
                undone.append(done.pop())
        elif c == 'redo':
            if undone:
                done.append(undone.pop())
    return ''.join(done)`,
  }),

  define({
    slug: 'tiny-stack-machine',
    title: 'A tiny stack machine',
    difficulty: 'easy',
    topics: ['stacks_queues'],
    statement: `Run a program for a stack machine and return its stack at the end, bottom first. Each token of \`program\` is either an integer (pushed) or one of:

- \`add\`, \`sub\`, \`max\`: pop the top value \`b\`, then \`a\`, and push \`a + b\`, \`a - b\` or the larger of the two;
- \`dup\`: push a copy of the top; \`swap\`: exchange the two top values; \`drop\`: pop the top.

Every program is valid: an instruction always finds enough values.

**Constraints:** 0 ≤ tokens ≤ 50,000.`,
    fn: 'runStackMachine',
    params: 'program: str[]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[['3', '4', 'add', 'dup', 'add']], [14]],
      [[['1', '2', 'swap']], [2, 1]],
    ],
    tests: [
      ['Empty program', [[]], []],
      ['One number', [['5']], [5]],
      ['Drop', [['5', 'drop']], []],
      ['Subtraction order', [['2', '7', 'sub']], [-5]],
      ['Max keeps the rest', [['1', '2', '3', 'max']], [1, 3]],
      ['Negative numbers', [['-4', 'dup', 'add']], [-8]],
      ['Only pushes', [['1', '2', '3']], [1, 2, 3]],
    ],
    generate: (n, random) => {
      const program: string[] = [];
      let depth = 0;
      for (let i = 0; i < n; i++) {
        const r = random();
        if (depth < 2 || r < 0.4) {
          program.push(String(randomInt(random, -99, 99)));
          depth++;
        } else if (r < 0.55) {
          program.push('dup');
          depth++;
        } else if (r < 0.65) program.push('swap');
        else if (r < 0.75) {
          program.push('drop');
          depth--;
        } else {
          program.push(['add', 'sub', 'max'][randomInt(random, 0, 2)]!);
          depth--;
        }
      }
      return [program];
    },
    js: `function runStackMachine(program) {
  const stack = [];
  for (const t of program) {
    if (t === 'add' || t === 'sub' || t === 'max') {
      const b = stack.pop();
      const a = stack.pop();
      stack.push(t === 'add' ? a + b : t === 'sub' ? a - b : Math.max(a, b));
    } else if (t === 'dup') stack.push(stack[stack.length - 1]);
    else if (t === 'swap') {
      const b = stack.pop();
      const a = stack.pop();
      stack.push(b, a);
    } else if (t === 'drop') stack.pop();
    else stack.push(Number(t));
  }
  return stack;
}`,
    py: `def run_stack_machine(program):
    stack = []
    for t in program:
        if t in ('add', 'sub', 'max'):
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b if t == 'add' else a - b if t == 'sub' else max(a, b))
        elif t == 'dup':
            stack.append(stack[-1])
        elif t == 'swap':
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif t == 'drop':
            stack.pop()
        else:
            stack.append(int(t))
    return stack`,
  }),

  define({
    slug: 'loudest-moment-in-each-window',
    title: 'Loudest moment in each window',
    difficulty: 'hard',
    topics: ['stacks_queues', 'arrays'],
    statement: `A microphone records sound levels \`levels\`. For every window of \`k\` consecutive readings, from the first window to the last, return the loudest reading in it.

**Constraints:** 1 ≤ k ≤ n ≤ 50,000. Scanning each window again is O(n·k): too slow when \`k\` is large. A double-ended queue of candidates gives O(n).`,
    fn: 'windowPeaks',
    params: 'levels: int[], k: int',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[1, 3, 2, 5, 4, 1], 3], [3, 5, 5, 5]],
      [[[4], 1], [4]],
    ],
    tests: [
      ['Window of one', [[2, 9, 4], 1], [2, 9, 4]],
      ['One window', [[2, 9, 4], 3], [9]],
      ['Falling', [[9, 7, 5, 3, 1], 2], [9, 7, 5, 3]],
      ['Rising', [[1, 3, 5, 7, 9], 2], [3, 5, 7, 9]],
      ['Equal levels', [[6, 6, 6, 6], 3], [6, 6]],
      ['Negative levels', [[-5, -2, -9, -1], 2], [-2, -2, -1]],
    ],
    generate: (n, random) => [randomInts(random, n, -1e6, 1e6), Math.floor(n / 5)],
    js: `function windowPeaks(levels, k) {
  const out = [];
  const dq = new Array(levels.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < levels.length; i++) {
    while (tail > head && levels[dq[tail - 1]] <= levels[i]) tail--;
    dq[tail++] = i;
    if (dq[head] <= i - k) head++;
    if (i >= k - 1) out.push(levels[dq[head]]);
  }
  return out;
}`,
    py: `from collections import deque

def window_peaks(levels, k):
    out = []
    dq = deque()
    for i, v in enumerate(levels):
        while dq and levels[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(levels[dq[0]])
    return out`,
  }),

  define({
    slug: 'twins-cancel-out',
    title: 'Twins cancel out',
    difficulty: 'medium',
    topics: ['stacks_queues', 'strings'],
    statement: `In \`text\`, a letter standing next to its twin of the other case (\`a\` beside \`A\`, in either order) cancels out: both disappear, which may bring new neighbours together. Keep cancelling until no such pair remains and return what is left.

**Constraints:** 0 ≤ length ≤ 50,000; letters only. Rescanning after every cancellation is quadratic.`,
    fn: 'cancelTwins',
    params: 'text: str',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [['abBA'], '', '"bB" goes, then "aA".'],
      [['aabAAB'], 'aabAAB', 'Nothing is beside its own twin.'],
    ],
    tests: [
      ['Empty text', [''], ''],
      ['One letter', ['x'], 'x'],
      ['Same case does not cancel', ['aa'], 'aa'],
      ['A chain reaction', ['xyYXzab'], 'zab'],
      ['Upper first', ['Aa'], ''],
      ['Different letters', ['aB'], 'aB'],
      ['Cancels from the inside out', ['xYyzZX'], ''],
    ],
    generate: (n, random) => [randomString(random, n, 'abAB')],
    js: `function cancelTwins(text) {
  const stack = [];
  for (const c of text) {
    const top = stack[stack.length - 1];
    if (top !== undefined && top !== c && top.toLowerCase() === c.toLowerCase()) stack.pop();
    else stack.push(c);
  }
  return stack.join('');
}`,
    py: `def cancel_twins(text):
    stack = []
    for c in text:
        if stack and stack[-1] != c and stack[-1].lower() == c.lower():
            stack.pop()
        else:
            stack.append(c)
    return ''.join(stack)`,
  }),

  define({
    slug: 'requests-in-the-last-window',
    title: 'Requests in the last window',
    difficulty: 'easy',
    topics: ['stacks_queues'],
    statement: `A rate limiter sees requests at times \`times\` (milliseconds, non-decreasing). For each request, return how many requests so far, itself included, arrived within the last \`window\` milliseconds: at a time \`t\` with \`now - window < t ≤ now\`.

**Constraints:** 0 ≤ n ≤ 50,000; 1 ≤ window ≤ 10⁹.`,
    fn: 'recentCounts',
    params: 'times: int[], window: int',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[[1, 2, 3, 100, 3001], 3000], [1, 2, 3, 4, 4], 'At 3001 the request at time 1 has left the window.'],
      [[[10, 20, 30, 40], 15], [1, 2, 2, 2]],
    ],
    tests: [
      ['No requests', [[], 10], []],
      ['One request', [[5], 1], [1]],
      ['Same millisecond', [[4, 4, 4], 1], [1, 2, 3]],
      ['Window of one', [[1, 2, 3], 1], [1, 1, 1]],
      ['Everything fits', [[1, 2, 3], 100], [1, 2, 3]],
      ['Exactly window apart', [[0, 5, 10], 5], [1, 1, 1]],
    ],
    generate: (n, random) => {
      let t = 0;
      return [Array.from({ length: n }, () => (t += randomInt(random, 0, 3))), 2000];
    },
    js: `function recentCounts(times, window) {
  const out = [];
  let start = 0;
  for (let i = 0; i < times.length; i++) {
    while (times[start] <= times[i] - window) start++;
    out.push(i - start + 1);
  }
  return out;
}`,
    py: `def recent_counts(times, window):
    out = []
    start = 0
    for i, t in enumerate(times):
        while times[start] <= t - window:
            start += 1
        out.append(i - start + 1)
    return out`,
  }),

  define({
    slug: 'stack-that-knows-its-minimum',
    title: 'A stack that knows its minimum',
    difficulty: 'medium',
    topics: ['stacks_queues'],
    statement: `Process \`ops\` on a stack of integers: \`push x\`, \`pop\`, and \`min\`, which reports the smallest value currently on the stack. Return the reports of the \`min\` operations in order. \`pop\` and \`min\` never meet an empty stack.

**Constraints:** 0 ≤ ops ≤ 50,000. Each operation should take O(1): searching the stack on every \`min\` is too slow.`,
    fn: 'minimumReports',
    params: 'ops: str[]',
    returns: 'int[]',
    complexity: 'O(n)',
    examples: [
      [[['push 3', 'push 1', 'min', 'pop', 'min']], [1, 3]],
      [[['push 5', 'min']], [5]],
    ],
    tests: [
      ['No operations', [[]], []],
      ['Equal minimums', [['push 2', 'push 2', 'pop', 'min']], [2]],
      ['Negative values', [['push -1', 'push -7', 'min', 'push 3', 'min']], [-7, -7]],
      ['Rising pushes', [['push 1', 'push 2', 'push 3', 'min']], [1]],
      ['Falling pushes then pops', [['push 3', 'push 2', 'push 1', 'min', 'pop', 'min', 'pop', 'min']], [1, 2, 3]],
      ['Only pushes and pops', [['push 1', 'pop']], []],
    ],
    generate: (n, random) => {
      const ops: string[] = [];
      let size = 0;
      for (let i = 0; i < n; i++) {
        const r = random();
        if (size === 0 || r < 0.5) {
          // Falling values keep the minimum at the top, so popping changes it often.
          ops.push(`push ${randomInt(random, -1e6, 1e6) - i}`);
          size++;
        } else if (r < 0.7) {
          ops.push('pop');
          size--;
        } else ops.push('min');
      }
      return [ops];
    },
    js: `function minimumReports(ops) {
  const mins = [];
  const out = [];
  for (const op of ops) {
    if (op === 'pop') mins.pop();
    else if (op === 'min') out.push(mins[mins.length - 1]);
    else {
      const x = Number(op.slice(5));
      mins.push(mins.length ? Math.min(x, mins[mins.length - 1]) : x);
    }
  }
  return out;
}`,
    py: `def minimum_reports(ops):
    mins, out = [], []
    for op in ops:
        if op == 'pop':
            mins.pop()
        elif op == 'min':
            out.append(mins[-1])
        else:
            x = int(op[5:])
            mins.append(min(x, mins[-1]) if mins else x)
    return out`,
  }),

  define({
    slug: 'largest-billboard-on-the-skyline',
    title: 'Largest billboard on the skyline',
    difficulty: 'hard',
    topics: ['stacks_queues', 'arrays'],
    statement: `A row of buildings, each one unit wide, has heights \`heights\`. A rectangular billboard is painted flat on the buildings' fronts: it must stand on the ground and stay within the buildings it covers. Return the largest area it can have.

**Constraints:** 0 ≤ n ≤ 50,000; 0 ≤ heights[i] ≤ 10⁴. Trying every pair of edges is quadratic.`,
    fn: 'largestBillboard',
    params: 'heights: int[]',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[3, 1, 6, 5, 2, 4]], 10, 'Over the buildings 6 and 5: two units wide, five high.'],
      [[[4, 4]], 8],
    ],
    tests: [
      ['No buildings', [[]], 0],
      ['One building', [[7]], 7],
      ['A gap of zero', [[3, 0, 3]], 3],
      ['Rising', [[1, 2, 3, 4, 5]], 9],
      ['Falling', [[5, 4, 3, 2, 1]], 9],
      ['Low and wide wins', [[2, 2, 2, 2, 2, 9]], 12],
      ['All zero', [[0, 0]], 0],
    ],
    generate: (n, random) => [randomInts(random, n, 0, 1e4)],
    js: `function largestBillboard(heights) {
  const stack = [];
  let best = 0;
  for (let i = 0; i <= heights.length; i++) {
    const h = i === heights.length ? 0 : heights[i];
    while (stack.length && heights[stack[stack.length - 1]] >= h) {
      const top = stack.pop();
      const left = stack.length ? stack[stack.length - 1] + 1 : 0;
      best = Math.max(best, heights[top] * (i - left));
    }
    stack.push(i);
  }
  return best;
}`,
    py: `def largest_billboard(heights):
    stack = []
    best = 0
    for i in range(len(heights) + 1):
        h = heights[i] if i < len(heights) else 0
        while stack and heights[stack[-1]] >= h:
            top = stack.pop()
            left = stack[-1] + 1 if stack else 0
            best = max(best, heights[top] * (i - left))
        stack.append(i)
    return best`,
  }),
];
