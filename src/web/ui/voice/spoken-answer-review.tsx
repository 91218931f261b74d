import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Answer, Delivery } from '../../../contract/index.js';
import { cn } from '../cn.js';
import { captionAtOffset, useRecordingPlayer } from './recording-moments.js';
import { toWebVtt } from './webvtt.js';

const PACE = { min: 130, max: 160 };

/**
 * A spoken answer after submit: the recording with captions (WebVTT from the transcript), the
 * transcript beside it with the sentence being played highlighted (click one to jump there), and
 * the delivery figures with plain advice.
 */
export function SpokenAnswerReview({ answer, title = 'Your recorded answer' }: { answer: Answer; title?: string }) {
  const captions = useMemo(() => answer.captions ?? [], [answer.captions]);
  const [current, setCurrent] = useState(-1);
  const player = useRef<HTMLVideoElement>(null);
  // WebM says "video" even for a voice-only recording: the loaded picture size decides how it shows.
  const [hasPicture, setHasPicture] = useState(false);
  const vttUrl = useMemo(() => URL.createObjectURL(new Blob([toWebVtt(captions)], { type: 'text/vtt' })), [captions]);
  useEffect(() => () => URL.revokeObjectURL(vttUrl), [vttUrl]);
  const playFrom = useCallback((seconds: number) => {
    const video = player.current;
    if (!video) return;
    video.currentTime = seconds;
    void video.play().catch(() => undefined);
  }, []);
  // A key point's evidence on the same page plays the sentence that makes it.
  const playOffset = useCallback(
    (offset: number) => {
      const i = captionAtOffset(captions, answer.text, offset);
      if (i >= 0) {
        player.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        playFrom(captions[i]!.start);
      }
    },
    [captions, answer.text, playFrom],
  );
  useRecordingPlayer(answer.text, answer.mediaId && captions.length ? playOffset : null);

  if (!answer.mediaId) return null;
  const src = `/api/v1/media/${answer.mediaId}/content`;
  const onTime = (e: { currentTarget: HTMLMediaElement }) => {
    const t = e.currentTarget.currentTime;
    setCurrent(captions.findIndex((c) => t >= c.start && t < c.end));
  };

  return (
    <section aria-label={title} className="card space-y-4 p-4 sm:p-5">
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <video
          ref={player}
          src={src}
          controls
          preload="metadata"
          playsInline
          onTimeUpdate={onTime}
          onLoadedMetadata={(e) => setHasPicture(e.currentTarget.videoWidth > 0)}
          aria-label="Recording"
          className={cn('w-full rounded-xl', hasPicture ? 'aspect-video bg-black' : 'h-14 bg-surface-muted')}
        >
          <track kind="captions" srcLang="en" label="Transcript" src={vttUrl} default />
        </video>
        <ol className="max-h-64 space-y-1 overflow-y-auto text-sm leading-relaxed" aria-label="Transcript">
          {captions.map((c, i) => (
            <li key={i}>
              <button
                type="button"
                aria-current={i === current ? 'true' : undefined}
                onClick={() => playFrom(c.start)}
                className={cn(
                  'w-full rounded px-2 py-1 text-left hover:bg-surface-muted',
                  i === current && 'bg-primary-soft text-primary-soft-fg',
                )}
              >
                {c.text}
              </button>
            </li>
          ))}
        </ol>
      </div>
      {answer.delivery ? <DeliveryFigures delivery={answer.delivery} /> : null}
    </section>
  );
}

export function DeliveryFigures({ delivery }: { delivery: Delivery }) {
  const pace = delivery.wordsPerMinute;
  const paceTone = pace === null ? '' : pace > PACE.max || pace < PACE.min - 20 ? 'text-warning' : 'text-success';
  return (
    <div className="space-y-3" data-testid="delivery">
      <h3 className="text-sm font-semibold">How you said it</h3>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label="Pace" value={pace === null ? '—' : `${pace} wpm`} note={`aim ${PACE.min}–${PACE.max}`} tone={paceTone} />
        <Figure
          label="Filler words"
          value={`${delivery.fillersPer100Words} per 100`}
          note={delivery.fillers.map((f) => f.word).join(', ') || 'none'}
        />
        <Figure
          label="Hedges"
          value={String(delivery.hedges.reduce((n, h) => n + h.count, 0))}
          note={delivery.hedges.map((h) => h.phrase).join(', ') || 'none'}
        />
        <Figure
          label="Longest pause"
          value={delivery.longestPauseSeconds === null ? '—' : `${delivery.longestPauseSeconds} s`}
          note={
            delivery.longestPauseSeconds === null
              ? 'needs timings or a recording'
              : `${delivery.pauses.length} ${delivery.pauses.length === 1 ? 'pause' : 'pauses'}`
          }
        />
        {delivery.pitchVariationSemitones != null ? (
          <Figure
            label="Pitch variation"
            value={`${delivery.pitchVariationSemitones} semitones`}
            note={delivery.monotone ? 'sounds flat' : 'lively'}
            tone={delivery.monotone ? 'text-warning' : 'text-success'}
          />
        ) : null}
        {delivery.loudnessDbfs !== undefined ? (
          <Figure
            label="Level"
            value={`${Math.round(delivery.loudnessDbfs)} dBFS`}
            note={(delivery.clippedPercent ?? 0) > 0.1 ? 'distorted in places' : delivery.loudnessDbfs < -35 ? 'quiet' : 'clear'}
            tone={(delivery.clippedPercent ?? 0) > 0.1 || delivery.loudnessDbfs < -35 ? 'text-warning' : undefined}
          />
        ) : null}
      </dl>
      {delivery.advice.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-fg-muted">
          {delivery.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-muted">Clear delivery: a steady pace with few fillers.</p>
      )}
    </div>
  );
}

function Figure({ label, value, note, tone }: { label: string; value: string; note: string; tone?: string }) {
  return (
    <div className="rounded-xl bg-surface-muted p-3">
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className={cn('text-lg font-semibold tabular-nums', tone)}>{value}</dd>
      <dd className="truncate text-xs text-fg-subtle">{note}</dd>
    </div>
  );
}
