import type { PrecheckName } from '../../../contract/index.js';

export type CheckState = { status: 'idle' | 'running' } | { status: 'done'; passed: boolean | null; detail?: string };

/** The browser has what the observation needs: fullscreen, page visibility, hashing. */
export function checkBrowser(): { passed: boolean; detail?: string } {
  const missing = [
    typeof document.documentElement.requestFullscreen === 'function' ? null : 'fullscreen',
    typeof document.visibilityState === 'string' ? null : 'page visibility',
    typeof crypto?.subtle?.digest === 'function' ? null : 'secure hashing (open the page over https or localhost)',
  ].filter((x): x is string => x !== null);
  return missing.length === 0 ? { passed: true } : { passed: false, detail: `This browser lacks ${missing.join(', ')}.` };
}

/** One screen: true or false where the Window Management API tells, null (unknown) elsewhere. */
export function checkSingleScreen(): { passed: boolean | null; detail: string } {
  const s = window.screen as Screen & { isExtended?: boolean };
  if (typeof s.isExtended !== 'boolean') return { passed: null, detail: 'This browser cannot tell; recorded as unknown.' };
  return s.isExtended
    ? { passed: false, detail: 'A second screen is connected. Disconnect it and check again.' }
    : { passed: true, detail: 'One screen.' };
}

export async function checkNetwork(): Promise<{ passed: boolean; detail: string }> {
  const started = performance.now();
  try {
    const res = await fetch('/healthz', { cache: 'no-store' });
    const ms = Math.round(performance.now() - started);
    return res.ok
      ? { passed: true, detail: `Panelist answered in ${ms} ms.` }
      : { passed: false, detail: `Panelist answered ${res.status}.` };
  } catch {
    return { passed: false, detail: 'Panelist could not be reached.' };
  }
}

/**
 * Listens to the microphone for up to `ms` and passes once the level rises above a floor:
 * silence (a muted or absent microphone) is refused. Calls `onLevel` (0–1) for the meter.
 */
export async function checkMicrophone(
  stream: MediaStream,
  onLevel: (level: number) => void,
  ms = 6000,
): Promise<{ passed: boolean; detail: string }> {
  const context = new AudioContext();
  try {
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const FLOOR = 0.02;
    const until = performance.now() + ms;
    let peak = 0;
    while (performance.now() < until) {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      const rms = Math.sqrt(sum / samples.length);
      peak = Math.max(peak, rms);
      onLevel(Math.min(1, rms * 5));
      if (rms > FLOOR) return { passed: true, detail: 'Sound heard.' };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { passed: false, detail: `Only silence was heard (peak level ${peak.toFixed(3)}). Check the microphone is on and not muted.` };
  } finally {
    void context.close();
  }
}

/** Plays a short tone; the candidate then says whether they heard it. */
/**
 * Looks for the candidate's face in the camera preview, on this device: a few frames over a few
 * seconds, passing as soon as exactly one face is found. A detector that cannot run in this
 * browser is recorded as unknown rather than failed.
 */
export async function checkFace(video: HTMLVideoElement | null, tries = 4): Promise<{ passed: boolean | null; detail: string }> {
  if (!video) return { passed: null, detail: 'The camera preview is not on the page; recorded as unknown.' };
  let most = 0;
  try {
    const { countFaces } = await import('../../lib/proctoring/face-detector.js');
    for (let i = 0; i < tries; i++) {
      if (video.readyState < 2) {
        await new Promise((r) => {
          video.addEventListener('loadeddata', r, { once: true });
          setTimeout(r, 3000);
        });
      }
      const { faces } = await countFaces(video);
      if (faces === 1) return { passed: true, detail: 'One face found.' };
      most = Math.max(most, faces);
      await new Promise((r) => setTimeout(r, 800));
    }
  } catch {
    return { passed: null, detail: 'Face detection could not run in this browser; recorded as unknown.' };
  }
  return most > 1
    ? { passed: false, detail: 'More than one face is in view. Only you should be in front of the camera.' }
    : { passed: false, detail: 'No face found. Sit facing the camera, in good light, and check again.' };
}

export async function playTone(): Promise<void> {
  const context = new AudioContext();
  const osc = context.createOscillator();
  const gain = context.createGain();
  osc.frequency.value = 660;
  gain.gain.value = 0.15;
  osc.connect(gain).connect(context.destination);
  osc.start();
  await new Promise((r) => setTimeout(r, 700));
  osc.stop();
  await context.close();
}

export const CHECK_LABELS: Record<PrecheckName, string> = {
  browser: 'Browser',
  fullscreen: 'Full screen',
  single_screen: 'One screen',
  camera: 'Camera',
  face: 'Your face in view',
  microphone: 'Microphone',
  speaker: 'Speaker',
  network: 'Connection to Panelist',
};
