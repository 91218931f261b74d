import type { ComplexityClass, ComplexityEstimate } from '../../contract/coding.js';

/** Below this a timing is mostly noise (timer resolution, caches): it does not count. */
const MIN_MEASURABLE_MS = 2;

/**
 * Reads an empirical complexity class from how the run time grows with the input size: the slope
 * of log(time) against log(n) fitted by least squares over the sizes that passed. An exponent
 * near 1 is O(n), near 2 is O(n²); n log n sits a little above 1 over the sizes we use. It is an
 * estimate from a few timings, said as such; a time limit on the largest input says "too slow" by
 * itself.
 */
export function estimateComplexity(points: { n: number; timeMs: number }[], timedOutAt?: number): ComplexityEstimate {
  const usable = points.filter((p) => p.n > 1 && p.timeMs >= MIN_MEASURABLE_MS).sort((x, y) => x.n - y.n);
  if (timedOutAt !== undefined) {
    return {
      class: null,
      exponent: null,
      points,
      note: `Ran out of time at n = ${timedOutAt.toLocaleString('en-US')}: the expected solution is faster than this one.`,
    };
  }
  const fast = points.length > 0 && points.every((p) => p.timeMs < MIN_MEASURABLE_MS);
  if (fast)
    return {
      class: 'O(n)',
      exponent: null,
      points,
      note: 'Even the largest input ran in under 2 ms: fast enough that growth could not be measured.',
    };
  if (usable.length < 2 || usable[usable.length - 1]!.n / usable[0]!.n < 3) {
    return { class: null, exponent: null, points, note: 'Too few measurable sizes to read the growth.' };
  }
  const xs = usable.map((p) => Math.log(p.n));
  const ys = usable.map((p) => Math.log(p.timeMs));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  const exponent = Math.round((num / den) * 100) / 100;
  const cls = classOf(exponent);
  return {
    class: cls,
    exponent,
    points,
    note: `Time grew about n^${exponent.toFixed(2)} across n = ${usable.map((p) => p.n.toLocaleString('en-US')).join(', ')}.`,
  };
}

function classOf(exponent: number): ComplexityClass {
  if (exponent < 0.25) return 'O(1)';
  if (exponent < 0.6) return 'O(log n)';
  if (exponent < 1.06) return 'O(n)';
  if (exponent < 1.5) return 'O(n log n)';
  if (exponent < 2.5) return 'O(n^2)';
  return 'O(n^3) or worse';
}
