import {
  THRESHOLD_CATEGORIES,
  type IntegrityEvent,
  type IntegrityWarning,
  type ThresholdCategory,
  type Thresholds,
} from '../../contract/proctoring.js';

/** Which threshold an event counts toward, if any. A paste counts only when it came from outside the page. */
export function categoryOf(event: Pick<IntegrityEvent, 'kind' | 'details'>): ThresholdCategory | null {
  switch (event.kind) {
    case 'tab_hidden':
      return 'tab_switch';
    case 'fullscreen_exit':
    case 'face_missing':
    case 'multiple_faces':
      return event.kind;
    case 'devtools_shortcut':
    case 'context_menu':
      return 'suspicious_input';
    case 'paste':
      return event.details.fromOutside === true ? 'suspicious_input' : null;
    default:
      return null;
  }
}

export function emptyCounts(): Record<ThresholdCategory, number> {
  return Object.fromEntries(THRESHOLD_CATEGORIES.map((c) => [c, 0])) as Record<ThresholdCategory, number>;
}

export function countCategories(events: Pick<IntegrityEvent, 'kind' | 'details'>[]): Record<ThresholdCategory, number> {
  const counts = emptyCounts();
  for (const e of events) {
    const c = categoryOf(e);
    if (c) counts[c] += 1;
  }
  return counts;
}

const WHAT: Record<ThresholdCategory, (n: number) => string> = {
  face_missing: (n) => `Your face was not visible to the camera ${times(n)}.`,
  tab_switch: (n) => `You left the interview tab ${times(n)}.`,
  fullscreen_exit: (n) => `You left full screen ${times(n)}.`,
  multiple_faces: (n) => `More than one face was seen ${times(n)}.`,
  suspicious_input: (n) => `Text pasted from outside the page, developer-tool shortcuts or context menus: ${n}.`,
};
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export function warningFor(category: ThresholdCategory, count: number, threshold: number): IntegrityWarning {
  return { category, count, threshold, message: `${WHAT[category](count)} Your coach will see this in the review.` };
}

/** The thresholds reached (count ≥ threshold) in `after`, each with its warning. */
export function reachedWarnings(counts: Record<ThresholdCategory, number>, thresholds: Thresholds): IntegrityWarning[] {
  return THRESHOLD_CATEGORIES.filter((c) => counts[c] >= thresholds[c]).map((c) => warningFor(c, counts[c], thresholds[c]));
}

/** The thresholds a batch made reached: below before, at or above after. Each warns once. */
export function newlyReached(
  before: Record<ThresholdCategory, number>,
  after: Record<ThresholdCategory, number>,
  thresholds: Thresholds,
): IntegrityWarning[] {
  return THRESHOLD_CATEGORIES.filter((c) => before[c] < thresholds[c] && after[c] >= thresholds[c]).map((c) =>
    warningFor(c, after[c], thresholds[c]),
  );
}
