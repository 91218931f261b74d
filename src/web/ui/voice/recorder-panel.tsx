import { Mic, RotateCcw, Square, Video } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../alert.js';
import { Button } from '../button.js';
import { SelectField } from '../field.js';
import { ProgressBar } from '../progress-bar.js';
import { SegmentedChoice } from '../segmented-choice.js';
import { recordingSupported, useDevices, useRecorder, type RecordingKind } from './use-recorder.js';
import { useLiveTranscript } from './use-live-transcript.js';
import { uploadRecording } from './upload-recording.js';
import { transcription, type TimedWordBody } from '../../../contract/index.js';
import { ApiError, apiRequest } from '../../lib/api-client.js';

/** An uploaded recording, with word timings when the server transcribed it. */
export interface SavedRecording {
  mediaId: string;
  words?: TimedWordBody[];
}

const THINK_SECONDS = 5;
const MAX_SECONDS = 10 * 60;

type UploadState =
  { kind: 'none' } | { kind: 'sending'; fraction: number } | { kind: 'sent'; mediaId: string } | { kind: 'failed'; message: string };

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * Answering out loud: pick a microphone (and camera), think, record, listen back, record again;
 * the recording uploads resumably as soon as it stops, and the live transcript (where the browser
 * has speech recognition) goes into the answer text for the candidate to correct.
 */
export function RecorderPanel({
  lang,
  orgId,
  onRecordingChange,
  onTranscript,
  onListening,
}: {
  lang: string;
  orgId?: string | null | undefined;
  /** The uploaded recording's id, or null when there is none (yet). */
  onRecordingChange: (recording: SavedRecording | null) => void;
  onTranscript: (text: string) => void;
  onListening: (listening: boolean) => void;
}) {
  const [kind, setKind] = useState<RecordingKind>('audio');
  const [micId, setMicId] = useState('');
  const [cameraId, setCameraId] = useState('');
  const recorder = useRecorder({ kind, micId, cameraId, thinkSeconds: THINK_SECONDS, maxSeconds: MAX_SECONDS });
  const devices = useDevices(recorder.state.phase);
  const transcript = useLiveTranscript(lang);
  const [upload, setUpload] = useState<UploadState>({ kind: 'none' });
  const [serverNote, setServerNote] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const preview = useRef<HTMLVideoElement>(null);
  // Callbacks through refs: a parent's new function must not re-send an old transcript over the candidate's edits.
  const callbacks = useRef({ onTranscript, onRecordingChange, onListening });
  useEffect(() => {
    callbacks.current = { onTranscript, onRecordingChange, onListening };
  });
  const { phase } = recorder.state;

  // The live transcript becomes the answer text as it grows; the candidate edits it afterwards.
  useEffect(() => {
    if (transcript.text) callbacks.current.onTranscript(transcript.text);
  }, [transcript.text]);

  useEffect(() => {
    callbacks.current.onListening(phase === 'recording');
    if (phase === 'recording') transcript.start();
    else transcript.stop();
    // transcript.start/stop are stable; only the phase matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  useEffect(() => {
    if (phase !== 'recording') return;
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, [phase]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = recorder.stream;
  }, [recorder.stream]);

  // A finished recording uploads at once; a new take replaces the old one.
  const recorded = recorder.state.phase === 'recorded' ? recorder.state : null;
  useEffect(() => {
    if (!recorded) return;
    const sending = uploadRecording(recorded.blob, { durationMs: recorded.durationMs, orgId }, (fraction) =>
      setUpload({ kind: 'sending', fraction }),
    );
    sending.promise.then(
      (mediaId) => {
        setUpload({ kind: 'sent', mediaId });
        callbacks.current.onRecordingChange({ mediaId });
        // Where the server transcribes (STT_PROVIDER=openai), its transcript and word timings
        // replace the browser's; where it does not (409), the browser's stays.
        apiRequest(`/api/v1/media/${mediaId}/transcription`, { method: 'POST', body: { language: lang }, schema: transcription }).then(
          (heard) => {
            setServerNote(null);
            callbacks.current.onTranscript(heard.text);
            callbacks.current.onRecordingChange({ mediaId, words: heard.words });
          },
          (err: unknown) => {
            if (err instanceof ApiError && err.status !== 409) setServerNote(err.message);
          },
        );
      },
      (err: unknown) => setUpload({ kind: 'failed', message: err instanceof Error ? err.message : 'The upload failed.' }),
    );
    return () => sending.abort();
  }, [recorded, orgId, lang]);

  function again() {
    onRecordingChange(null);
    setUpload({ kind: 'none' });
    recorder.reset();
  }

  if (!recordingSupported()) return null;
  const busy = phase === 'preparing' || phase === 'thinking' || phase === 'recording';
  const elapsed = recorder.state.phase === 'recording' ? (now - recorder.state.startedAt) / 1000 : 0;

  return (
    <section aria-label="Answer out loud" className="card space-y-4 p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Answer out loud</h2>
        <p className="text-sm text-fg-subtle">
          Up to {MAX_SECONDS / 60} minutes. Your words fill the answer below; correct them before you submit.
        </p>
      </div>

      {phase === 'idle' || phase === 'failed' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SegmentedChoice
            legend="Record"
            name="recording-kind"
            compact
            options={[
              { value: 'audio', label: 'Voice' },
              { value: 'video', label: 'Video' },
            ]}
            value={kind}
            onChange={setKind}
          />
          <SelectField label="Microphone" value={micId} onChange={(e) => setMicId(e.target.value)}>
            <option value="">Default microphone</option>
            {devices.mics.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || `Microphone ${i + 1}`}
              </option>
            ))}
          </SelectField>
          {kind === 'video' ? (
            <SelectField label="Camera" value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
              <option value="">Default camera</option>
              {devices.cameras.map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || `Camera ${i + 1}`}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
      ) : null}

      {recorder.state.phase === 'failed' ? <Alert title="Recording did not start">{recorder.state.message}</Alert> : null}

      {kind === 'video' && busy ? (
        <video ref={preview} autoPlay muted playsInline className="aspect-video w-full rounded-xl bg-black" />
      ) : null}

      {busy ? (
        <div className="space-y-2">
          <div className="flex items-center gap-3">
            <span className="text-sm text-fg-muted">Level</span>
            <div
              role="meter"
              aria-label="Microphone level"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(recorder.level * 100)}
              className="h-2.5 flex-1 overflow-hidden rounded-full bg-surface-muted"
            >
              <div
                className="h-full rounded-full bg-success transition-[width] duration-75"
                style={{ width: `${recorder.level * 100}%` }}
              />
            </div>
          </div>
          <p role="status" className="text-sm font-medium tabular-nums">
            {recorder.state.phase === 'thinking'
              ? `Think about your answer: recording starts in ${recorder.state.secondsLeft} s`
              : recorder.state.phase === 'recording'
                ? `Recording ${mmss(elapsed)} of ${mmss(MAX_SECONDS)}`
                : 'Getting the microphone ready…'}
          </p>
          {transcript.interim ? <p className="text-sm text-fg-subtle italic">{transcript.interim}</p> : null}
        </div>
      ) : null}

      {transcript.error ? <p className="text-sm text-warning">{transcript.error}</p> : null}
      {serverNote ? (
        <p role="alert" className="text-sm text-warning">
          {serverNote}
        </p>
      ) : null}

      {recorded ? (
        <div className="space-y-2">
          {recorded.blob.type.startsWith('video') ? (
            <video src={recorded.url} controls className="aspect-video w-full rounded-xl bg-black" />
          ) : (
            <audio src={recorded.url} controls className="w-full" aria-label="Your recording" />
          )}
          {upload.kind === 'sending' ? (
            <ProgressBar value={Math.round(upload.fraction * 100)} max={100} label="Uploading your recording" />
          ) : null}
          <p role="status" className="text-sm text-fg-muted">
            {upload.kind === 'sent'
              ? `Recording saved (${mmss(recorded.durationMs / 1000)}). It goes with your answer when you submit.`
              : upload.kind === 'failed'
                ? `The recording was not saved: ${upload.message} You can still submit the text.`
                : 'Saving your recording…'}
          </p>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {phase === 'idle' || phase === 'failed' ? (
          <Button onClick={() => void recorder.start()}>
            {kind === 'video' ? <Video className="size-4" aria-hidden="true" /> : <Mic className="size-4" aria-hidden="true" />} Start
            recording
          </Button>
        ) : null}
        {phase === 'thinking' ? (
          <Button variant="secondary" onClick={recorder.startNow}>
            Start now
          </Button>
        ) : null}
        {busy ? (
          <Button variant={phase === 'recording' ? 'danger' : 'ghost'} onClick={recorder.stop}>
            <Square className="size-4" aria-hidden="true" /> {phase === 'recording' ? 'Stop recording' : 'Cancel'}
          </Button>
        ) : null}
        {recorded ? (
          <Button variant="secondary" onClick={again}>
            <RotateCcw className="size-4" aria-hidden="true" /> Record again
          </Button>
        ) : null}
      </div>
    </section>
  );
}
