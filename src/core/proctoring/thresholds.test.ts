import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../contract/proctoring.js';
import { categoryOf, countCategories, newlyReached, reachedWarnings } from './thresholds.js';

describe('thresholds', () => {
  it('counts a tab switch, an outside paste, devtools and context menus; not an inside paste, a copy or a blur', () => {
    const counts = countCategories([
      { kind: 'tab_hidden', details: {} },
      { kind: 'paste', details: { fromOutside: true, length: 80 } },
      { kind: 'paste', details: { fromOutside: false, length: 80 } },
      { kind: 'copy', details: {} },
      { kind: 'window_blur', details: {} },
      { kind: 'devtools_shortcut', details: {} },
      { kind: 'context_menu', details: {} },
    ]);
    expect(counts).toEqual({ face_missing: 0, tab_switch: 1, fullscreen_exit: 0, multiple_faces: 0, suspicious_input: 3 });
    expect(categoryOf({ kind: 'online', details: {} })).toBeNull();
  });

  it('warns once, when a batch reaches a threshold', () => {
    const zero = countCategories([]);
    const one = countCategories([{ kind: 'tab_hidden', details: {} }]);
    const two = countCategories([
      { kind: 'tab_hidden', details: {} },
      { kind: 'tab_hidden', details: {} },
    ]);
    expect(newlyReached(zero, one, DEFAULT_THRESHOLDS)).toEqual([]);
    const reached = newlyReached(one, two, DEFAULT_THRESHOLDS);
    expect(reached).toHaveLength(1);
    expect(reached[0]).toMatchObject({ category: 'tab_switch', count: 2, threshold: 2 });
    expect(reached[0]!.message).toMatch(/left the interview tab twice/);
    const three = { ...two, tab_switch: 3 };
    expect(newlyReached(two, three, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(reachedWarnings(three, DEFAULT_THRESHOLDS).map((w) => w.category)).toEqual(['tab_switch']);
  });
});
