import { randomInt, randomInts, randomString } from '../../src/core/coding/problem.js';
import { define } from './define.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export const stringsHashing = [
  define({
    slug: 'first-lonely-character',
    title: 'First lonely character',
    difficulty: 'easy',
    topics: ['hashing', 'strings'],
    statement: `Return the index of the first character of \`text\` that occurs exactly once in it, or \`-1\` when every character repeats. Upper and lower case are different characters.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'firstLonely',
    params: 'text: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['swiss'], 1, '"w" occurs once.'],
      [['aabb'], -1],
    ],
    tests: [
      ['Empty text', [''], -1],
      ['One character', ['z'], 0],
      ['The last one', ['abcabcd'], 6],
      ['In the middle', ['xxyzz'], 2],
      ['Everything repeats', ['abab'], -1],
      ['Case matters', ['Aa'], 0],
    ],
    generate: (n, random) => [`${randomString(random, n - 1, LETTERS.slice(0, 25))}z`],
    js: `function firstLonely(text) {
  const counts = new Map();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (let i = 0; i < text.length; i++) if (counts.get(text[i]) === 1) return i;
  return -1;
}`,
    py: `def first_lonely(text):
    counts = {}
    for c in text:
        counts[c] = counts.get(c, 0) + 1
    for i, c in enumerate(text):
        if counts[c] == 1:
            return i
    return -1`,
  }),

  define({
    slug: 'same-letter-pattern',
    title: 'Same letter pattern',
    difficulty: 'easy',
    topics: ['hashing', 'strings'],
    statement: `Two words have the same letter pattern when one can be turned into the other by renaming letters: every occurrence of a letter is renamed to the same letter, and two different letters are never renamed to the same one. Return whether \`a\` and \`b\` share a pattern.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'samePattern',
    params: 'a: str, b: str',
    returns: 'bool',
    complexity: 'O(n)',
    examples: [
      [['noon', 'deed'], true],
      [['moon', 'deed'], false, '"m" and "n" would both become "d".'],
    ],
    tests: [
      ['Empty words', ['', ''], true],
      ['Different lengths', ['ab', 'a'], false],
      ['Two letters cannot merge', ['ab', 'aa'], false],
      ['One letter cannot split', ['aa', 'ab'], false],
      ['All different', ['abc', 'xyz'], true],
      ['Palindromes', ['level', 'radar'], true],
      ['Repeating pair', ['abab', 'cdcd'], true],
    ],
    generate: (n, random) => {
      const a = randomString(random, n, LETTERS);
      const shift = randomInt(random, 1, 25);
      const b = [...a].map((c) => LETTERS[(LETTERS.indexOf(c) + shift) % 26]).join('');
      // The last letter renamed like the first one: the patterns differ only at the end.
      return [a, b.slice(0, -1) + (a[n - 1] === a[0] ? b[n - 1] : b[0])];
    },
    js: `function samePattern(a, b) {
  if (a.length !== b.length) return false;
  const forward = new Map();
  const backward = new Map();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if ((forward.has(x) && forward.get(x) !== y) || (backward.has(y) && backward.get(y) !== x)) return false;
    forward.set(x, y);
    backward.set(y, x);
  }
  return true;
}`,
    py: `def same_pattern(a, b):
    if len(a) != len(b):
        return False
    forward, backward = {}, {}
    for x, y in zip(a, b):
        if forward.get(x, y) != y or backward.get(y, x) != x:
            return False
        forward[x] = y
        backward[y] = x
    return True`,
  }),

  define({
    slug: 'squeeze-repeated-letters',
    title: 'Squeeze repeated letters',
    difficulty: 'easy',
    topics: ['strings'],
    statement: `Shorten \`text\` by writing each run of the same character once, followed by the run's length when the run is longer than one: \`"aaabcc"\` becomes \`"a3bc2"\`. The text contains no digits.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'squeeze',
    params: 'text: str',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [['aaabcc'], 'a3bc2'],
      [['abc'], 'abc', 'No run is longer than one.'],
    ],
    tests: [
      ['Empty text', [''], ''],
      ['One character', ['a'], 'a'],
      ['A run of twelve', ['aaaaaaaaaaaa'], 'a12'],
      ['The same letter in two runs', ['aabbaa'], 'a2b2a2'],
      ['Spaces are characters', ['zzzzz y'], 'z5 y'],
      ['Case matters', ['aAAa'], 'aA2a'],
    ],
    generate: (n, random) => {
      let text = '';
      while (text.length < n) text += LETTERS[randomInt(random, 0, 3)]!.repeat(randomInt(random, 1, 12));
      return [text.slice(0, n)];
    },
    js: `function squeeze(text) {
  const parts = [];
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text[j] === text[i]) j++;
    parts.push(j - i > 1 ? text[i] + (j - i) : text[i]);
    i = j;
  }
  return parts.join('');
}`,
    py: `def squeeze(text):
    parts = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        parts.append(text[i] + (str(j - i) if j - i > 1 else ''))
        i = j
    return ''.join(parts)`,
  }),

  define({
    slug: 'letters-to-drop-for-a-palindrome',
    title: 'Letters to drop for a palindrome',
    difficulty: 'easy',
    topics: ['hashing', 'strings', 'greedy'],
    statement: `You may rearrange the letters of \`text\` freely. Return the fewest letters you must throw away so that the remaining letters can be arranged into a palindrome (the empty text is one).

**Constraints:** 0 ≤ length ≤ 50,000; lowercase letters.`,
    fn: 'lettersToDrop',
    params: 'text: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['aabbc'], 0, '"abcba".'],
      [['abc'], 2],
    ],
    tests: [
      ['Empty text', [''], 0],
      ['One letter', ['a'], 0],
      ['Two different letters', ['ab'], 1],
      ['Already even', ['aabb'], 0],
      ['All different', ['abcd'], 3],
      ['Three odd counts', ['aaabbbccc'], 2],
    ],
    generate: (n, random) => [randomString(random, n, LETTERS)],
    js: `function lettersToDrop(text) {
  const counts = new Map();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let odd = 0;
  for (const v of counts.values()) if (v % 2 === 1) odd++;
  return Math.max(0, odd - 1);
}`,
    py: `def letters_to_drop(text):
    counts = {}
    for c in text:
        counts[c] = counts.get(c, 0) + 1
    odd = sum(1 for v in counts.values() if v % 2 == 1)
    return max(0, odd - 1)`,
  }),

  define({
    slug: 'most-common-word',
    title: 'Most common word',
    difficulty: 'easy',
    topics: ['hashing', 'strings'],
    statement: `\`text\` holds words of letters separated by one or more spaces. Ignoring case, return the word that occurs most often, in lowercase; on a tie, the one that comes first alphabetically. Return \`""\` when there are no words.

**Constraints:** 0 ≤ length ≤ 200,000.`,
    fn: 'mostCommonWord',
    params: 'text: str',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [['the cat and the hat'], 'the'],
      [['b a'], 'a', 'A tie goes to the first alphabetically.'],
    ],
    tests: [
      ['Case is ignored', ['Go go GO stop'], 'go'],
      ['One word', ['one'], 'one'],
      ['No words', [''], ''],
      ['Extra spaces', ['  x  y  x '], 'x'],
      ['Tie of two pairs', ['b b a a'], 'a'],
      ['Capitals in the winner', ['Zed zed Alpha'], 'zed'],
    ],
    generate: (n, random) => {
      const vocabulary = Array.from({ length: 300 }, () => randomString(random, randomInt(random, 1, 6), 'abcdefgh'));
      return [Array.from({ length: Math.floor(n / 4) }, () => vocabulary[randomInt(random, 0, 299)]).join(' ')];
    },
    js: `function mostCommonWord(text) {
  const counts = new Map();
  for (const w of text.toLowerCase().split(' ')) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && w < best)) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}`,
    py: `def most_common_word(text):
    counts = {}
    for w in text.lower().split():
        counts[w] = counts.get(w, 0) + 1
    best, best_count = '', 0
    for w, c in counts.items():
        if c > best_count or (c == best_count and w < best):
            best, best_count = w, c
    return best`,
  }),

  define({
    slug: 'changes-to-an-anagram',
    title: 'Changes to make an anagram',
    difficulty: 'easy',
    topics: ['hashing', 'strings'],
    statement: `\`a\` and \`b\` have the same length. In one change you replace one character of \`b\` with any character. Return the fewest changes that make \`b\` an anagram of \`a\` (the same characters, as many times each, in any order).

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'changesToAnagram',
    params: 'a: str, b: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['night', 'thing'], 0],
      [['abc', 'abd'], 1],
    ],
    tests: [
      ['Empty words', ['', ''], 0],
      ['One letter', ['a', 'b'], 1],
      ['Too many of one letter', ['aab', 'bbb'], 2],
      ['Already an anagram', ['xxyy', 'yyxx'], 0],
      ['Nothing in common', ['abcd', 'efgh'], 4],
      ['One off', ['aaaa', 'aaab'], 1],
    ],
    generate: (n, random) => [randomString(random, n, LETTERS), randomString(random, n, LETTERS)],
    js: `function changesToAnagram(a, b) {
  const counts = new Map();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let changes = 0;
  for (const c of b) {
    const left = counts.get(c) ?? 0;
    if (left > 0) counts.set(c, left - 1);
    else changes++;
  }
  return changes;
}`,
    py: `def changes_to_anagram(a, b):
    counts = {}
    for c in a:
        counts[c] = counts.get(c, 0) + 1
    changes = 0
    for c in b:
        if counts.get(c, 0) > 0:
            counts[c] -= 1
        else:
            changes += 1
    return changes`,
  }),

  define({
    slug: 'shared-opening',
    title: 'Shared opening',
    difficulty: 'easy',
    topics: ['strings'],
    statement: `Return the longest text that every word of \`words\` starts with (\`""\` when there are no words or they share nothing).

**Constraints:** 0 ≤ words ≤ 50,000, each at most 20 characters.`,
    fn: 'sharedOpening',
    params: 'words: str[]',
    returns: 'str',
    complexity: 'O(n)',
    examples: [
      [[['interview', 'internal', 'interval']], 'inter'],
      [[['dog', 'cat']], ''],
    ],
    tests: [
      ['No words', [[]], ''],
      ['One word', [['solo']], 'solo'],
      ['An empty word', [['', 'a']], ''],
      ['All equal', [['ab', 'ab', 'ab']], 'ab'],
      ['One word is the prefix', [['abc', 'ab']], 'ab'],
      ['Case matters', [['Aa', 'aa']], ''],
    ],
    generate: (n, random) => [Array.from({ length: n }, () => `panel${randomString(random, randomInt(random, 0, 4), 'ab')}`)],
    js: `function sharedOpening(words) {
  if (words.length === 0) return '';
  let end = words[0].length;
  for (const w of words) {
    let i = 0;
    while (i < end && i < w.length && w[i] === words[0][i]) i++;
    end = i;
  }
  return words[0].slice(0, end);
}`,
    py: `def shared_opening(words):
    if not words:
        return ''
    end = len(words[0])
    for w in words:
        i = 0
        while i < end and i < len(w) and w[i] == words[0][i]:
            i += 1
        end = i
    return words[0][:end]`,
  }),

  define({
    slug: 'distinct-pairs-with-sum',
    title: 'Distinct pairs with a sum',
    difficulty: 'medium',
    topics: ['hashing', 'arrays'],
    statement: `Count the different pairs of values \`(x, y)\` with \`x ≤ y\` such that \`x + y = target\`, \`x\` and \`y\` are taken from two different positions of \`nums\`. A pair of values counts once however many times it could be formed.

**Constraints:** 0 ≤ n ≤ 50,000; |nums[i]| ≤ 10⁴.`,
    fn: 'distinctPairs',
    params: 'nums: int[], target: int',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [[[1, 5, 3, 3, 5, 1], 6], 2, '(1, 5) and (3, 3).'],
      [[[2, 2], 5], 0],
    ],
    tests: [
      ['Empty', [[], 0], 0],
      ['A value cannot pair with itself', [[3], 6], 0],
      ['Two equal halves', [[3, 3], 6], 1],
      ['Zeros', [[0, 0, 0], 0], 1],
      ['Opposites', [[-1, 1, -1, 1], 0], 1],
      ['Three pairs', [[1, 2, 3, 4, 5, 6], 7], 3],
      ['Many equal values', [[5, 5, 5], 10], 1],
    ],
    generate: (n, random) => [randomInts(random, n, -1e4, 1e4), randomInt(random, -100, 100)],
    js: `function distinctPairs(nums, target) {
  const counts = new Map();
  for (const x of nums) counts.set(x, (counts.get(x) ?? 0) + 1);
  let pairs = 0;
  for (const [x, c] of counts) {
    const y = target - x;
    if (x < y && counts.has(y)) pairs++;
    else if (x === y && c >= 2) pairs++;
  }
  return pairs;
}`,
    py: `def distinct_pairs(nums, target):
    counts = {}
    for x in nums:
        counts[x] = counts.get(x, 0) + 1
    pairs = 0
    for x, c in counts.items():
        y = target - x
        if x < y and y in counts:
            pairs += 1
        elif x == y and c >= 2:
            pairs += 1
    return pairs`,
  }),

  define({
    slug: 'letters-missing-from-the-note',
    title: 'Letters missing from the note',
    difficulty: 'easy',
    topics: ['hashing', 'strings'],
    statement: `You cut characters out of \`magazine\` to glue together \`note\`; each cut-out character is used once. Return how many characters of \`note\` you cannot find. Case matters and spaces are characters too.

**Constraints:** 0 ≤ lengths ≤ 50,000.`,
    fn: 'missingLetters',
    params: 'note: str, magazine: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['hello', 'hole'], 1, 'The magazine has one "l"; the note needs two.'],
      [['abc', 'cba'], 0],
    ],
    tests: [
      ['Empty note', ['', 'x'], 0],
      ['Empty magazine', ['aa', ''], 2],
      ['Exactly enough', ['abc', 'abc'], 0],
      ['Not enough of one letter', ['zzz', 'z'], 2],
      ['Case matters', ['Aa', 'aa'], 1],
      ['A space is needed', ['a b', 'ab'], 1],
    ],
    generate: (n, random) => [randomString(random, n, LETTERS), randomString(random, n, LETTERS)],
    js: `function missingLetters(note, magazine) {
  const counts = new Map();
  for (const c of magazine) counts.set(c, (counts.get(c) ?? 0) + 1);
  let missing = 0;
  for (const c of note) {
    const left = counts.get(c) ?? 0;
    if (left > 0) counts.set(c, left - 1);
    else missing++;
  }
  return missing;
}`,
    py: `def missing_letters(note, magazine):
    counts = {}
    for c in magazine:
        counts[c] = counts.get(c, 0) + 1
    missing = 0
    for c in note:
        if counts.get(c, 0) > 0:
            counts[c] -= 1
        else:
            missing += 1
    return missing`,
  }),

  define({
    slug: 'widest-matching-pair',
    title: 'Widest matching pair',
    difficulty: 'easy',
    topics: ['hashing', 'strings'],
    statement: `Return the largest distance \`j - i\` between two positions \`i < j\` of \`text\` holding the same character, or \`-1\` when no character repeats.

**Constraints:** 0 ≤ length ≤ 50,000.`,
    fn: 'widestPair',
    params: 'text: str',
    returns: 'int',
    complexity: 'O(n)',
    examples: [
      [['abca'], 3],
      [['xyz'], -1],
    ],
    tests: [
      ['Empty text', [''], -1],
      ['One character', ['a'], -1],
      ['Two equal', ['aa'], 1],
      ['Two overlapping pairs', ['abab'], 2],
      ['Outer pair', ['baab'], 3],
      ['Nested pairs', ['aXbXa'], 4],
    ],
    generate: (n, random) => [randomString(random, n, LETTERS.toUpperCase() + LETTERS)],
    js: `function widestPair(text) {
  const first = new Map();
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    if (!first.has(text[i])) first.set(text[i], i);
    else best = Math.max(best, i - first.get(text[i]));
  }
  return best;
}`,
    py: `def widest_pair(text):
    first = {}
    best = -1
    for i, c in enumerate(text):
        if c not in first:
            first[c] = i
        else:
            best = max(best, i - first[c])
    return best`,
  }),
];
