import fixWebmDurationModule from 'fix-webm-duration';
import { useCallback, useEffect, useRef, useState } from 'react';

// A CommonJS module that sets `.default` on itself: the same function whichever interop the bundler uses.
const fixWebmDuration = fixWebmDurationModule.default;

export type RecordingKind = 'audio' | 'video';

export type RecorderState =
  | { phase: 'idle' }
  | { phase: 'preparing' }
  | { phase: 'thinking'; secondsLeft: number }
  | { phase: 'recording'; startedAt: number }
  | { phase: 'recorded'; blob: Blob; durationMs: number; url: string }
  | { phase: 'failed'; message: string };

export interface RecorderOptions {
  kind: RecordingKind;
  micId: string;
  cameraId: string;
  /** Seconds to think before recording starts (0: at once). */
  thinkSeconds: number;
  /** Recording stops by itself after this long. */
  maxSeconds: number;
}

/** The first container this browser can record in; WebM/Opus in Chromium and Firefox, MP4 in Safari. */
function pickMimeType(kind: RecordingKind): string | undefined {
  const candidates =
    kind === 'video'
      ? ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4']
      : ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
  return candidates.find((t) => MediaRecorder.isTypeSupported(t));
}

export function recordingSupported(): boolean {
  return typeof window !== 'undefined' && typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

/** Microphones and cameras; their names appear only once the page may use them. */
export function useDevices(refreshKey: unknown): { mics: MediaDeviceInfo[]; cameras: MediaDeviceInfo[] } {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    let live = true;
    const refresh = () => void navigator.mediaDevices.enumerateDevices().then((d) => live && setDevices(d));
    refresh();
    navigator.mediaDevices.addEventListener('devicechange', refresh);
    return () => {
      live = false;
      navigator.mediaDevices.removeEventListener('devicechange', refresh);
    };
  }, [refreshKey]);
  return { mics: devices.filter((d) => d.kind === 'audioinput'), cameras: devices.filter((d) => d.kind === 'videoinput') };
}

/**
 * Think time, then MediaRecorder until stop or the maximum length; the stream's loudness is read
 * on every animation frame for the level meter. WebM files from MediaRecorder carry no duration
 * (players cannot seek in them), so the length measured here is written into the file.
 */
export function useRecorder(options: RecorderOptions) {
  const [state, setState] = useState<RecorderState>({ phase: 'idle' });
  const [level, setLevel] = useState(0);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const timers = useRef<number[]>([]);
  const cleanupAudio = useRef<(() => void) | null>(null);
  const urlRef = useRef<string | null>(null);

  const release = useCallback(() => {
    timers.current.forEach((t) => window.clearTimeout(t));
    timers.current = [];
    cleanupAudio.current?.();
    cleanupAudio.current = null;
    setStream((s) => {
      s?.getTracks().forEach((t) => t.stop());
      return null;
    });
    setLevel(0);
  }, []);

  useEffect(
    () => () => {
      if (recorder.current?.state === 'recording') recorder.current.stop();
      release();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [release],
  );

  const meter = useCallback((media: MediaStream) => {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(media).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    // The meter falls back slowly (peak hold), so short sounds are seen, as on a mixing desk.
    let shown = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      // RMS on a 0–1 scale that reads well for speech (about -50 dBFS to 0).
      const db = 20 * Math.log10(Math.sqrt(sum / samples.length) || 1e-8);
      shown = Math.max(Math.max(0, Math.min(1, (db + 50) / 50)), shown * 0.94);
      setLevel(shown < 0.005 ? 0 : shown);
      frame = requestAnimationFrame(tick);
    };
    tick();
    cleanupAudio.current = () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, []);

  const beginRecording = useCallback(
    (media: MediaStream) => {
      const mimeType = pickMimeType(options.kind);
      const rec = new MediaRecorder(media, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      const startedAt = performance.now();
      rec.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      rec.onstop = () => {
        const durationMs = Math.round(performance.now() - startedAt);
        const raw = new Blob(chunks, { type: rec.mimeType || mimeType || 'audio/webm' });
        release();
        const done = (blob: Blob) => {
          if (urlRef.current) URL.revokeObjectURL(urlRef.current);
          urlRef.current = URL.createObjectURL(blob);
          setState({ phase: 'recorded', blob, durationMs, url: urlRef.current });
        };
        if (raw.type.includes('webm')) void fixWebmDuration(raw, durationMs, { logger: false }).then(done);
        else done(raw);
      };
      recorder.current = rec;
      rec.start(1000);
      setState({ phase: 'recording', startedAt: Date.now() });
      timers.current.push(window.setTimeout(() => rec.state === 'recording' && rec.stop(), options.maxSeconds * 1000));
    },
    [options.kind, options.maxSeconds, release],
  );

  const start = useCallback(async () => {
    if (!recordingSupported()) {
      setState({ phase: 'failed', message: 'This browser cannot record. Type your answer instead.' });
      return;
    }
    setState({ phase: 'preparing' });
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({
        audio: options.micId ? { deviceId: { exact: options.micId } } : true,
        video: options.kind === 'video' ? (options.cameraId ? { deviceId: { exact: options.cameraId } } : true) : false,
      });
    } catch (err) {
      const denied = err instanceof DOMException && err.name === 'NotAllowedError';
      setState({
        phase: 'failed',
        message: denied
          ? 'Panelist may not use your microphone. Allow it in the browser, or type your answer.'
          : 'No microphone was found. Type your answer instead.',
      });
      return;
    }
    setStream(media);
    meter(media);
    if (options.thinkSeconds <= 0) {
      beginRecording(media);
      return;
    }
    let left = options.thinkSeconds;
    setState({ phase: 'thinking', secondsLeft: left });
    const tick = () => {
      left -= 1;
      if (left <= 0) beginRecording(media);
      else {
        setState({ phase: 'thinking', secondsLeft: left });
        timers.current.push(window.setTimeout(tick, 1000));
      }
    };
    timers.current.push(window.setTimeout(tick, 1000));
  }, [options.micId, options.cameraId, options.kind, options.thinkSeconds, meter, beginRecording]);

  /** Skips the rest of the think time. */
  const startNow = useCallback(() => {
    timers.current.forEach((t) => window.clearTimeout(t));
    timers.current = [];
    if (stream) beginRecording(stream);
  }, [stream, beginRecording]);

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
    else {
      release();
      setState({ phase: 'idle' });
    }
  }, [release]);

  const reset = useCallback(() => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, level, stream, start, startNow, stop, reset };
}
