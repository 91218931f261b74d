import type { countFaces as CountFaces } from './face-detector.js';
import { nextDelay, observeFaces, startWatch, type FaceEventKind } from './face-sampling.js';

type Record = (kind: FaceEventKind, details: { faces: number } | { camera: 'unavailable' }) => void;

/**
 * Watches for a face during a camera-proctored interview: opens the camera (video only), samples a
 * frame every few seconds on this device and records face_missing / multiple_faces through the
 * integrity log. Returns the cleanup that stops the camera.
 */
export function watchFaces(record: Record): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stream: MediaStream | null = null;
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;

  void (async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320 } });
    } catch {
      record('face_missing', { camera: 'unavailable' });
      return;
    }
    if (stopped) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    // The detector (TensorFlow.js) is a chunk of its own, fetched only for camera proctoring.
    let countFaces: typeof CountFaces;
    try {
      ({ countFaces } = await import('./face-detector.js'));
    } catch {
      return;
    }
    let watch = startWatch();
    const sample = async () => {
      if (stopped) return;
      let delay = nextDelay(0);
      // A hidden tab gives no frames worth judging; the tab switch is its own event.
      if (document.visibilityState === 'visible' && video.readyState >= 2) {
        try {
          const { faces, ms } = await countFaces(video);
          const step = observeFaces(watch, faces);
          watch = step.watch;
          if (step.event && !stopped) record(step.event, { faces });
          delay = nextDelay(ms);
        } catch {
          // The detector could not run (no WebGL and no CPU backend): nothing is claimed either way.
          return;
        }
      }
      if (!stopped) timer = setTimeout(() => void sample(), delay);
    };
    timer = setTimeout(() => void sample(), nextDelay(0));
  })();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    stream?.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  };
}
