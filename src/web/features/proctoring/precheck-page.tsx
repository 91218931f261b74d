import { ArrowLeft, CheckCircle2, CircleHelp, Loader2, ShieldCheck, XCircle } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { REQUIRED_PRECHECKS, type Interview, type PrecheckBody, type PrecheckName } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { useInterview } from '../../lib/api/interviews.js';
import { usePrecheck } from '../../lib/api/proctoring.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { LoadFailure } from '../../ui/load-failure.js';
import { PageHeader } from '../../ui/page-header.js';
import { Spinner } from '../../ui/spinner.js';
import {
  CHECK_LABELS,
  checkBrowser,
  checkFace,
  checkMicrophone,
  checkNetwork,
  checkSingleScreen,
  playTone,
  type CheckState,
} from './precheck-checks.js';

/** What is observed, and why, in the words the candidate consents to. */
function observed(level: 'light' | 'full'): string[] {
  const items = [
    'When you leave this tab or window, leave full screen, or a second screen is connected.',
    'When you copy, cut or paste: only how many characters, and whether a paste came from outside the page — never the text itself.',
    'Right-click menus, developer-tool shortcuts, long idle periods, and losing the connection.',
  ];
  if (level === 'full')
    items.push(
      'Whether a face is in front of the camera, and whether there is more than one. The camera image is looked at in your browser only: no picture or video leaves this device.',
    );
  return items;
}

export function PrecheckPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  if (interview.isPending)
    return (
      <div className="grid place-items-center py-16">
        <Spinner />
      </div>
    );
  if (interview.isError)
    return (
      <LoadFailure
        what="Interview"
        error={interview.error}
        onRetry={() => void interview.refetch()}
        back={{ to: '/', label: 'Dashboard' }}
      />
    );
  if (interview.data.proctoring !== 'light' && interview.data.proctoring !== 'full')
    return <Alert tone="info">This interview is not proctored; there is nothing to check.</Alert>;
  return <Precheck interview={interview.data} level={interview.data.proctoring} />;
}

function Precheck({ interview, level }: { interview: Interview; level: 'light' | 'full' }) {
  const [consented, setConsented] = useState(false);
  const required = REQUIRED_PRECHECKS[level];
  const [states, setStates] = useState<Partial<Record<PrecheckName, CheckState>>>({});
  const [micLevel, setMicLevel] = useState(0);
  const [toneState, setToneState] = useState<'idle' | 'played'>('idle');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const submit = usePrecheck(interview.id);
  const navigate = useNavigate();

  const set = (name: PrecheckName, state: CheckState) => setStates((s) => ({ ...s, [name]: state }));
  useEffect(() => () => stream.current?.getTracks().forEach((t) => t.stop()), []);

  async function runChecks() {
    set('browser', { status: 'done', ...checkBrowser() });
    set('single_screen', { status: 'done', ...checkSingleScreen() });
    set('network', { status: 'running' });
    set('network', { status: 'done', ...(await checkNetwork()) });
    if (level === 'full') {
      set('camera', { status: 'running' });
      set('microphone', { status: 'running' });
      try {
        const media = await navigator.mediaDevices.getUserMedia({ video: { width: 320 }, audio: true });
        stream.current = media;
        if (video.current) video.current.srcObject = media;
        set('camera', { status: 'done', passed: media.getVideoTracks().length > 0, detail: 'The preview below stays on this device.' });
        set('face', { status: 'running' });
        set('microphone', { status: 'done', ...(await checkMicrophone(media, setMicLevel)) });
        set('face', { status: 'done', ...(await checkFace(video.current)) });
      } catch (err) {
        const detail =
          err instanceof Error && err.name === 'NotAllowedError'
            ? 'Access was refused. Allow the camera and microphone.'
            : 'No camera or microphone found.';
        set('camera', { status: 'done', passed: false, detail });
        set('microphone', { status: 'done', passed: false, detail });
      }
    }
  }

  async function enterFullscreen() {
    try {
      await document.documentElement.requestFullscreen();
      set('fullscreen', { status: 'done', passed: true, detail: 'Full screen is on. Stay in it during the interview.' });
    } catch {
      set('fullscreen', { status: 'done', passed: false, detail: 'The browser refused full screen.' });
    }
  }

  const body = (): PrecheckBody => ({
    checks: required.map((name) => {
      const s = states[name];
      return s?.status === 'done'
        ? { name, passed: s.passed, ...(s.detail ? { detail: s.detail.slice(0, 300) } : {}) }
        : { name, passed: false, detail: 'Not run.' };
    }),
    warnings: [],
    userAgent: navigator.userAgent.slice(0, 500),
  });
  const allRun = required.every((n) => states[n]?.status === 'done');

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>{`Device check · ${interview.role} · Panelist`}</title>
      <Link to={`/interviews/${interview.id}`} className={buttonClass('ghost', 'sm', '-ml-3')}>
        <ArrowLeft className="size-4" aria-hidden="true" /> Back to the interview
      </Link>
      <PageHeader
        eyebrow="Proctored interview"
        title="Device check"
        description={`${interview.role} is ${level === 'full' ? 'proctored with the camera' : 'proctored in the browser'}. Check your setup, then start.`}
      />

      <section aria-labelledby="observed-heading" className="card space-y-4 p-5 sm:p-6">
        <h2 id="observed-heading" className="flex items-center gap-2 font-semibold text-fg">
          <ShieldCheck className="size-5 text-primary" aria-hidden="true" /> What is observed, and why
        </h2>
        <p className="text-[0.9375rem] text-fg-muted">
          {interview.coach?.name ?? 'Your coach'} asked for this so the results can be trusted. During the interview Panelist notes:
        </p>
        <ul className="list-disc space-y-2 pl-5 text-[0.9375rem] leading-relaxed text-fg-muted">
          {observed(level).map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
        <p className="text-[0.9375rem] text-fg-muted">
          Each note is time-stamped and chained so it cannot be changed unnoticed. Your coach sees them next to your answers. A note is a
          prompt for review, never an automatic fail.
        </p>
        <label className="flex items-start gap-3 text-[0.9375rem] font-medium text-fg">
          <input type="checkbox" className="mt-1 size-4" checked={consented} onChange={(e) => setConsented(e.target.checked)} />I understand
          what is observed and agree to it for this interview.
        </label>
      </section>

      <section aria-labelledby="checks-heading" className="card space-y-4 p-5 sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="checks-heading" className="font-semibold text-fg">
            Checks
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={!consented} onClick={() => void enterFullscreen()}>
              Enter full screen
            </Button>
            <Button disabled={!consented} onClick={() => void runChecks()}>
              Run the checks
            </Button>
          </div>
        </div>
        {level === 'full' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <video
              ref={video}
              autoPlay
              muted
              playsInline
              className="aspect-video w-full rounded-xl bg-surface-muted"
              aria-label="Camera preview (stays on this device)"
            />
            <div className="space-y-3">
              <div>
                <p className="text-sm font-medium text-fg" id="mic-label">
                  Microphone level
                </p>
                <div
                  role="meter"
                  aria-labelledby="mic-label"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(micLevel * 100)}
                  className="mt-1 h-2 rounded-full bg-surface-muted"
                >
                  <div
                    className="h-2 rounded-full bg-success motion-safe:transition-[width]"
                    style={{ width: `${Math.round(micLevel * 100)}%` }}
                  />
                </div>
                <p className="mt-1 text-sm text-fg-subtle">Say a few words: silence does not pass.</p>
              </div>
              <div className="space-y-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={!consented}
                  onClick={() => void playTone().then(() => setToneState('played'))}
                >
                  Play a test tone
                </Button>
                {toneState === 'played' ? (
                  <div className="flex flex-wrap gap-2">
                    <Button
                      size="sm"
                      onClick={() => set('speaker', { status: 'done', passed: true, detail: 'The candidate heard the tone.' })}
                    >
                      I heard it
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => set('speaker', { status: 'done', passed: false, detail: 'The candidate did not hear the tone.' })}
                    >
                      I did not
                    </Button>
                  </div>
                ) : null}
              </div>
            </div>
          </div>
        ) : null}
        <ul className="divide-y divide-border" aria-label="Check results">
          {required.map((name) => (
            <CheckRow key={name} name={name} state={states[name]} />
          ))}
        </ul>
      </section>

      {submit.data ? (
        submit.data.passed ? (
          <Alert tone="success" title="Your setup passed">
            {submit.data.warnings.length > 0 ? submit.data.warnings.join(' ') : 'You can start the interview now.'}
          </Alert>
        ) : (
          <Alert title="Some checks did not pass">
            Fix these and check again: {submit.data.failed.map((f) => CHECK_LABELS[f]).join(', ')}.
          </Alert>
        )
      ) : null}
      {submit.isError ? <Alert>{errorMessage(submit.error)}</Alert> : null}

      <div className="flex flex-wrap justify-end gap-3">
        <Button disabled={!consented || !allRun} loading={submit.isPending} loadingText="Saving…" onClick={() => submit.mutate(body())}>
          Save the check
        </Button>
        {submit.data?.passed ? (
          <Button variant="secondary" onClick={() => void navigate(`/interviews/${interview.id}`)}>
            Continue to start
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function CheckRow({ name, state }: { name: PrecheckName; state: CheckState | undefined }) {
  const done = state?.status === 'done' ? state : null;
  const icon =
    state?.status === 'running' ? (
      <Loader2 className="size-5 text-fg-subtle motion-safe:animate-spin" aria-hidden="true" />
    ) : done?.passed === true ? (
      <CheckCircle2 className="size-5 text-success" aria-hidden="true" />
    ) : done?.passed === false ? (
      <XCircle className="size-5 text-danger" aria-hidden="true" />
    ) : (
      <CircleHelp className="size-5 text-fg-subtle" aria-hidden="true" />
    );
  const verdict =
    state?.status === 'running' ? 'checking' : done ? (done.passed === null ? 'unknown' : done.passed ? 'passed' : 'failed') : 'not run';
  return (
    <li className="flex items-start gap-3 py-3">
      {icon}
      <div className="min-w-0">
        <p className="font-medium text-fg">
          {CHECK_LABELS[name]} <span className="sr-only">: {verdict}</span>
        </p>
        {done?.detail ? <p className="text-sm text-fg-muted">{done.detail}</p> : null}
      </div>
    </li>
  );
}
