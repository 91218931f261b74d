import { Check } from 'lucide-react';
import type { ReleaseResults } from '../../../../contract/index.js';
import { cn } from '../../../ui/cn.js';

const releaseOptions: Array<{ value: ReleaseResults; label: string; description: string }> = [
  {
    value: 'on_finalize',
    label: 'When I finalize my review',
    description: 'You check the answers and adjust scores first; then the candidate sees everything.',
  },
  {
    value: 'immediately',
    label: 'Immediately',
    description: 'The candidate sees the score and feedback after each answer. You can still review later.',
  },
];

/** When the candidate may see scores and feedback, as two described radio cards. */
export function ReleaseChoice({ value: current, onChange }: { value: ReleaseResults; onChange: (value: ReleaseResults) => void }) {
  return (
    <fieldset className="card space-y-3 p-5 sm:p-6">
      <legend className="sr-only">Results</legend>
      <p className="font-semibold text-fg" aria-hidden="true">
        Results
      </p>
      <p className="text-sm text-fg-subtle">When may the candidate see scores and feedback?</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {releaseOptions.map(({ value, label, description }) => {
          const checked = value === current;
          return (
            <label
              key={value}
              className={cn(
                'relative flex cursor-pointer gap-3 rounded-xl border bg-surface p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                checked ? 'border-primary ring-1 ring-primary' : 'border-border hover:border-border-strong',
              )}
            >
              <input
                type="radio"
                name="releaseResults"
                value={value}
                checked={checked}
                onChange={() => onChange(value)}
                className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
                aria-describedby={`release-${value}`}
              />
              <span
                className={cn(
                  'mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border',
                  checked ? 'border-primary bg-primary text-primary-fg' : 'border-border-strong',
                )}
                aria-hidden="true"
              >
                {checked ? <Check className="size-3" /> : null}
              </span>
              <span className="min-w-0">
                <span className="block text-sm font-medium text-fg">{label}</span>
                <span id={`release-${value}`} className="mt-0.5 block text-sm leading-snug text-fg-muted">
                  {description}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
