import type { CodingProblem, GeneratedTest } from '../../src/core/coding/problem.js';

type Draft = Omit<CodingProblem, 'comparison' | 'timeLimitMs' | 'memoryLimitMb' | 'starter' | 'generated'> &
  Partial<Pick<CodingProblem, 'comparison' | 'timeLimitMs' | 'memoryLimitMb'>> & {
    /** Parameter list per language, e.g. `nums, target` and `nums: number[], target: number` and `nums: list[int], target: int`. */
    signature: { javascript: string; typescript: string; tsReturn: string; python: string; pyReturn: string };
    /** Sizes for the generated large tests; the largest separates O(n log n) from O(n²). */
    sizes?: number[];
    generate?: GeneratedTest['generate'];
    /** Extra lines put before the function in every starter (helpers a candidate may use). */
    preamble?: { javascript?: string; typescript?: string; python?: string };
  };

/** Sizes of the large tests when a problem does not say: three sizes over one decade, for the growth estimate. */
export const DEFAULT_SIZES = [5000, 15000, 50000];

/** A problem from a draft: starters from the signature, the large tests from the generator, the usual limits. */
export function problem(draft: Draft): CodingProblem {
  const { signature: sig, sizes = DEFAULT_SIZES, generate, preamble = {}, ...rest } = draft;
  const js = rest.entry.javascript;
  const py = rest.entry.python;
  const withPreamble = (text: string | undefined, body: string) => (text ? `${text}\n\n${body}` : body);
  return {
    comparison: 'exact',
    timeLimitMs: 2000,
    memoryLimitMb: 128,
    ...rest,
    starter: {
      javascript: withPreamble(preamble.javascript, `function ${js}(${sig.javascript}) {\n  // Your code here\n}\n`),
      typescript: withPreamble(preamble.typescript, `function ${js}(${sig.typescript}): ${sig.tsReturn} {\n  // Your code here\n}\n`),
      python: withPreamble(preamble.python, `def ${py}(${sig.python}) -> ${sig.pyReturn}:\n    # Your code here\n    pass\n`),
    },
    solutions: { ...rest.solutions, typescript: rest.solutions.typescript ?? rest.solutions.javascript },
    generated: generate ? sizes.map((n) => ({ name: `Large input, n = ${n.toLocaleString('en-US')}`, n, generate })) : [],
  };
}

/** Parameter and return types in one small vocabulary, spelled out per language. */
const TYPES = {
  int: ['number', 'int'],
  float: ['number', 'float'],
  bool: ['boolean', 'bool'],
  str: ['string', 'str'],
  'int[]': ['number[]', 'list[int]'],
  'int[][]': ['number[][]', 'list[list[int]]'],
  'str[]': ['string[]', 'list[str]'],
  'str[][]': ['string[][]', 'list[list[str]]'],
  'float[]': ['number[]', 'list[float]'],
  'bool[]': ['boolean[]', 'list[bool]'],
} as const;
export type ParamType = keyof typeof TYPES;

// A parameter named like a Python keyword would make the Python starter a syntax error.
const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A problem written tersely: the function's name once (camelCase; Python gets it in snake_case),
 * parameters as `name: type` in the vocabulary above, tests as tuples. The JavaScript solution
 * doubles as the TypeScript one unless a typed one is given.
 */
export function define(d: {
  slug: string;
  title: string;
  difficulty: CodingProblem['difficulty'];
  topics: CodingProblem['topics'];
  statement: string;
  fn: string;
  params: string;
  returns: ParamType;
  complexity: CodingProblem['expectedComplexity'];
  /** [arguments, expected, explanation?] */
  examples: [unknown[], unknown, string?][];
  /** [name, arguments, expected] */
  tests: [string, unknown[], unknown][];
  generate: GeneratedTest['generate'];
  sizes?: number[];
  comparison?: CodingProblem['comparison'];
  timeLimitMs?: number;
  preamble?: { javascript?: string; typescript?: string; python?: string };
  js: string;
  ts?: string;
  py: string;
}): CodingProblem {
  const params = d.params
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [name, type] = p.split(':').map((s) => s.trim()) as [string, ParamType];
      if (!TYPES[type]) throw new Error(`${d.slug}: unknown type ${type}`);
      if (PYTHON_KEYWORDS.has(name)) throw new Error(`${d.slug}: the parameter ${name} is a Python keyword`);
      return { name, ts: TYPES[type][0], py: TYPES[type][1] };
    });
  const pre = d.preamble ?? {};
  const withPre = (text: string | undefined, code: string) => (text ? `${text}\n\n${code}` : code);
  return problem({
    slug: d.slug,
    title: d.title,
    difficulty: d.difficulty,
    topics: d.topics,
    statement: d.statement,
    entry: { javascript: d.fn, python: snakeCase(d.fn) },
    signature: {
      javascript: params.map((p) => p.name).join(', '),
      typescript: params.map((p) => `${p.name}: ${p.ts}`).join(', '),
      tsReturn: TYPES[d.returns][0],
      python: params.map((p) => `${p.name}: ${p.py}`).join(', '),
      pyReturn: TYPES[d.returns][1],
    },
    expectedComplexity: d.complexity,
    examples: d.examples.map(([args, expected, explanation], i) => ({
      name: `Example ${i + 1}`,
      args,
      expected,
      ...(explanation ? { explanation } : {}),
    })),
    tests: d.tests.map(([name, args, expected]) => ({ name, args, expected })),
    generate: d.generate,
    ...(d.sizes ? { sizes: d.sizes } : {}),
    ...(d.comparison ? { comparison: d.comparison } : {}),
    ...(d.timeLimitMs ? { timeLimitMs: d.timeLimitMs } : {}),
    preamble: pre,
    solutions: {
      javascript: withPre(pre.javascript, d.js),
      typescript: withPre(pre.typescript ?? pre.javascript, d.ts ?? d.js),
      python: withPre(pre.python, d.py),
    },
  });
}

/** `INSERT INTO table (columns) VALUES …;` from rows of values (strings quoted, null as NULL). */
export function insert(table: string, columns: string, rows: unknown[][]): string {
  if (rows.length === 0) return '';
  const literal = (v: unknown) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
  return `INSERT INTO ${table} (${columns}) VALUES ${rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ')};`;
}

/**
 * A SQL problem: one SELECT statement run against a fresh schema made of `schema` and each test's
 * data. The result set is compared as data: row order matters only when `ordered` says so.
 */
export function defineSql(d: {
  slug: string;
  title: string;
  difficulty: CodingProblem['difficulty'];
  statement: string;
  /** CREATE TABLE statements, shown in the statement. */
  schema: string;
  ordered: boolean;
  /** [data, expected rows, explanation?] */
  examples: [string, unknown[][], string?][];
  /** [name, data, expected rows] */
  tests: [string, string, unknown[][]][];
  solution: string;
}): CodingProblem {
  const setup = (data: string) => `${d.schema}\n${data}`;
  return {
    slug: d.slug,
    title: d.title,
    difficulty: d.difficulty,
    topics: ['sql'],
    statement: `${d.statement}\n\n**Tables:**\n\n\`\`\`sql\n${d.schema.trim()}\n\`\`\`\n\nWrite one \`SELECT\` statement (PostgreSQL). Columns are compared by position; ${
      d.ordered ? 'the order of the rows matters.' : 'the order of the rows does not matter.'
    }`,
    entry: { javascript: 'query', python: 'query' },
    starter: { sql: '-- One SELECT statement\nSELECT\n' },
    examples: d.examples.map(([data, expected, explanation], i) => ({
      name: `Example ${i + 1}`,
      args: [setup(data)],
      expected,
      ...(explanation ? { explanation } : {}),
    })),
    tests: d.tests.map(([name, data, expected]) => ({ name, args: [setup(data)], expected })),
    generated: [],
    comparison: d.ordered ? 'exact' : 'unordered',
    expectedComplexity: 'O(n log n)',
    timeLimitMs: 2000,
    memoryLimitMb: 128,
    solutions: { sql: d.solution },
    sqlSchema: d.schema,
  };
}
