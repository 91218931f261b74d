import { Settings2, Square, Volume2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Button } from '../button.js';
import { SelectField } from '../field.js';
import { SegmentedChoice } from '../segmented-choice.js';
import { InterviewerAvatar } from './interviewer-avatar.js';
import { useSpeech } from './use-speech.js';
import { PERSONAS, type VoiceSettings } from './voice-settings.js';

/**
 * The interviewer reading the question aloud: a "Read aloud" button (or automatic reading, a
 * setting), captions that fill in word by word as the speech engine reaches them, and the avatar.
 */
export function InterviewerPanel({
  text,
  readKey,
  lang = 'en',
  listening,
  settings,
  onSettings,
}: {
  text: string;
  /** Changes when a new question appears: automatic reading starts then. */
  readKey: string;
  lang?: string;
  /** The candidate is recording: the avatar listens. */
  listening: boolean;
  settings: VoiceSettings;
  onSettings: (patch: Partial<VoiceSettings>) => void;
}) {
  const speech = useSpeech({ voiceURI: settings.voiceURI, rate: settings.rate, lang });
  const { speak, stop } = speech;
  const lastRead = useRef('');

  useEffect(() => {
    if (!settings.autoRead || lastRead.current === readKey) return;
    lastRead.current = readKey;
    speak(text);
  }, [settings.autoRead, readKey, text, speak]);

  // Recording starts: the interviewer stops talking over the candidate.
  useEffect(() => {
    if (listening) stop();
  }, [listening, stop]);

  const mode = speech.speaking ? 'speaking' : listening ? 'listening' : 'idle';
  const voices = speech.voices.filter((v) => v.lang.toLowerCase().startsWith(lang.slice(0, 2).toLowerCase()));
  const showCaptions = settings.captions && speech.text === text && (speech.speaking || speech.spokenChars > 0);

  return (
    <section aria-label="Interviewer" className="card space-y-3 p-4 sm:p-5">
      <div className="flex items-center gap-4">
        {settings.avatar ? (
          <InterviewerAvatar persona={settings.persona} mode={mode} beat={speech.beat} className="size-16 sm:size-20" />
        ) : null}
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            {speech.speaking ? (
              <Button variant="secondary" size="sm" onClick={stop}>
                <Square className="size-4" aria-hidden="true" /> Stop reading
              </Button>
            ) : (
              <Button variant="secondary" size="sm" onClick={() => speak(text)} disabled={!speech.available}>
                <Volume2 className="size-4" aria-hidden="true" /> Read the question aloud
              </Button>
            )}
            {!speech.available ? <span className="text-sm text-fg-subtle">This browser cannot speak.</span> : null}
          </div>
          {showCaptions ? (
            <p data-testid="captions" className="rounded-lg bg-surface-muted px-3 py-2 text-sm leading-relaxed">
              <span className="text-fg">{speech.text.slice(0, speech.spokenChars)}</span>
              <span className="text-fg-subtle" aria-hidden="true">
                {speech.text.slice(speech.spokenChars)}
              </span>
            </p>
          ) : null}
        </div>
      </div>
      <details className="group text-sm">
        <summary className="inline-flex cursor-pointer items-center gap-1.5 rounded text-fg-muted hover:text-fg">
          <Settings2 className="size-4" aria-hidden="true" /> Voice and interviewer settings
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <SelectField label="Voice" value={settings.voiceURI} onChange={(e) => onSettings({ voiceURI: e.target.value })}>
            <option value="">Browser default</option>
            {voices.map((v) => (
              <option key={v.voiceURI} value={v.voiceURI}>
                {v.name} ({v.lang})
              </option>
            ))}
          </SelectField>
          <label className="block space-y-2">
            <span className="block text-sm font-medium text-fg">Speed: {settings.rate.toFixed(1)}×</span>
            <input
              type="range"
              min={0.5}
              max={2}
              step={0.1}
              value={settings.rate}
              onChange={(e) => onSettings({ rate: Number(e.target.value) })}
              className="h-11 w-full accent-primary"
            />
          </label>
          <Toggle
            label="Read each question aloud automatically"
            checked={settings.autoRead}
            onChange={(autoRead) => onSettings({ autoRead })}
          />
          <Toggle
            label="Show captions while the question is read"
            checked={settings.captions}
            onChange={(captions) => onSettings({ captions })}
          />
          <Toggle label="Offer to answer out loud" checked={settings.recorder} onChange={(recorder) => onSettings({ recorder })} />
          <Toggle label="Show the interviewer" checked={settings.avatar} onChange={(avatar) => onSettings({ avatar })} />
          {settings.avatar ? (
            <SegmentedChoice
              legend="Interviewer manner"
              name="persona"
              compact
              options={PERSONAS.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }))}
              value={settings.persona}
              onChange={(persona) => onSettings({ persona })}
            />
          ) : null}
        </div>
      </details>
    </section>
  );
}

export function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-3">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-5 accent-primary" />
      <span className="text-sm text-fg">{label}</span>
    </label>
  );
}
