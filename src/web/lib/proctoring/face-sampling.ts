/**
 * When to look for a face and when what was seen becomes an integrity event. Pure, so the
 * throttling and the debouncing are tested without a camera.
 *
 * The detector is sampled sparsely: at least SAMPLE_EVERY_MS apart, and never more than a quarter
 * of one core (a detection that took 900 ms waits 2.7 s before the next). One frame without a face
 * is a glance away or a detector miss; MISSES_TO_REPORT in a row is an event, reported once until
 * the face is back.
 */

export const SAMPLE_EVERY_MS = 3000;
export const MAX_CPU_SHARE = 0.25;
export const MISSES_TO_REPORT = 2;

export type FaceEventKind = 'face_missing' | 'multiple_faces';

export interface FaceWatch {
  /** The state a face count was seen in: the run of each kind, and whether it has been reported. */
  missingRun: number;
  multipleRun: number;
  reported: FaceEventKind | null;
}

export const startWatch = (): FaceWatch => ({ missingRun: 0, multipleRun: 0, reported: null });

/** The wait before the next sample, given how long the last detection took. */
export function nextDelay(detectionMs: number): number {
  const forShare = (detectionMs * (1 - MAX_CPU_SHARE)) / MAX_CPU_SHARE;
  return Math.max(SAMPLE_EVERY_MS, Math.round(forShare));
}

/** Takes one sample's face count; returns the new state and the event to record, if any. */
export function observeFaces(watch: FaceWatch, faces: number): { watch: FaceWatch; event: FaceEventKind | null } {
  const missingRun = faces === 0 ? watch.missingRun + 1 : 0;
  const multipleRun = faces > 1 ? watch.multipleRun + 1 : 0;
  let reported = watch.reported;
  let event: FaceEventKind | null = null;
  if (faces === 1) reported = null;
  const due: FaceEventKind | null =
    missingRun >= MISSES_TO_REPORT ? 'face_missing' : multipleRun >= MISSES_TO_REPORT ? 'multiple_faces' : null;
  if (due && reported !== due) {
    event = due;
    reported = due;
  }
  return { watch: { missingRun, multipleRun, reported }, event };
}
