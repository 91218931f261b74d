import { useEffect, useState } from 'react';
import { useMediaQuery } from '../../lib/use-media-query.js';
import { cn } from '../cn.js';
import type { Persona } from './voice-settings.js';

/** Colours and expression of each persona: the face says how the interviewer will treat you. */
const LOOKS: Record<Persona, { name: string; skin: string; hair: string; shirt: string; brow: number; smile: number }> = {
  // brow: inner-end offset (negative = raised, friendly; positive = lowered, stern). smile: mouth curve.
  warm: { name: 'Warm interviewer', skin: '#f2c6a0', hair: '#7a4a2a', shirt: '#e0805f', brow: -2, smile: 5 },
  neutral: { name: 'Neutral interviewer', skin: '#d9a982', hair: '#2f2a28', shirt: '#5b6fb0', brow: 0, smile: 1.5 },
  strict: { name: 'Strict interviewer', skin: '#c08a66', hair: '#4b4f57', shirt: '#3a3f4b', brow: 3, smile: -1 },
};

export type AvatarMode = 'idle' | 'speaking' | 'listening';

/**
 * An original SVG interviewer. While speaking, the mouth opens on every word boundary the
 * speech synthesis reports (`beat`); while the candidate answers it nods now and then; otherwise
 * it breathes and blinks. With reduced motion nothing moves: a speaking ring shows instead.
 */
export function InterviewerAvatar({
  persona,
  mode,
  beat,
  className,
}: {
  persona: Persona;
  mode: AvatarMode;
  beat: number;
  className?: string;
}) {
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const look = LOOKS[persona];
  // The mouth is open from a word boundary until 140 ms later, when that beat is marked closed.
  const [closedBeat, setClosedBeat] = useState(0);

  useEffect(() => {
    if (beat === closedBeat) return;
    const t = window.setTimeout(() => setClosedBeat(beat), 140);
    return () => window.clearTimeout(t);
  }, [beat, closedBeat]);

  const open = mode === 'speaking' && !reduced && beat !== closedBeat;
  const motion = reduced ? '' : mode === 'listening' ? 'avatar-nod' : 'avatar-breathe';
  return (
    <svg
      viewBox="0 0 120 120"
      role="img"
      aria-label={`${look.name}${mode === 'speaking' ? ', speaking' : mode === 'listening' ? ', listening' : ''}`}
      data-avatar-mode={mode}
      data-mouth={open ? 'open' : 'closed'}
      className={cn('shrink-0', className)}
    >
      <style>{`
        @keyframes avatar-breathe { 0%,100% { transform: translateY(0) } 50% { transform: translateY(1.2px) } }
        @keyframes avatar-nod { 0%,70%,100% { transform: rotate(0) } 78% { transform: rotate(4deg) translateY(1px) } 86% { transform: rotate(0) } }
        @keyframes avatar-blink { 0%,94%,100% { transform: scaleY(1) } 96% { transform: scaleY(0.1) } }
        .avatar-breathe { animation: avatar-breathe 4s ease-in-out infinite; transform-origin: 60px 100px }
        .avatar-nod { animation: avatar-nod 3.2s ease-in-out infinite; transform-origin: 60px 95px }
        .avatar-eye { animation: avatar-blink 5s infinite; transform-box: fill-box; transform-origin: center }
        @media (prefers-reduced-motion: reduce) { .avatar-breathe, .avatar-nod, .avatar-eye { animation: none } }
      `}</style>
      <circle cx="60" cy="60" r="58" className="fill-primary-soft" />
      {reduced && mode === 'speaking' ? <circle cx="60" cy="60" r="56" fill="none" strokeWidth="3" className="stroke-primary" /> : null}
      <g className={motion}>
        <path d={`M18 120 C20 92 40 84 60 84 C80 84 100 92 102 120 Z`} fill={look.shirt} />
        <rect x="52" y="72" width="16" height="14" rx="4" fill={look.skin} />
        <ellipse cx="60" cy="52" rx="24" ry="28" fill={look.skin} />
        <path d="M35 48 C34 26 48 20 60 20 C74 20 87 27 85 48 C80 36 70 32 60 33 C50 33 40 37 35 48 Z" fill={look.hair} />
        {persona === 'strict' ? (
          <g fill="none" stroke="#1f2329" strokeWidth="1.6">
            <rect x="42" y="46" width="14" height="9" rx="3" />
            <rect x="64" y="46" width="14" height="9" rx="3" />
            <path d="M56 50 h8" />
          </g>
        ) : null}
        <g fill="#1f2329">
          <ellipse className="avatar-eye" cx="49" cy="51" rx="2.4" ry="2.8" />
          <ellipse className="avatar-eye" cx="71" cy="51" rx="2.4" ry="2.8" />
        </g>
        <g stroke={look.hair} strokeWidth="2.4" strokeLinecap="round" fill="none">
          <path d={`M43 ${43 - look.brow / 2} L54 ${43 + look.brow}`} />
          <path d={`M77 ${43 - look.brow / 2} L66 ${43 + look.brow}`} />
        </g>
        <path d="M60 55 q-2 6 1 8" stroke="#00000033" strokeWidth="1.4" fill="none" strokeLinecap="round" />
        {open ? (
          <ellipse cx="60" cy="69" rx="6" ry="4.2" fill="#5a2a2a" />
        ) : (
          <path d={`M52 68 Q60 ${68 + look.smile} 68 68`} stroke="#5a2a2a" strokeWidth="2.2" fill="none" strokeLinecap="round" />
        )}
      </g>
    </svg>
  );
}
