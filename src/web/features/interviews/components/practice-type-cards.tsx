import { Check } from 'lucide-react';
import type { InterviewType } from '../../../../contract/index.js';
import { interviewTypes } from '../../../lib/interview-meta.js';
import { cn } from '../../../ui/cn.js';

/** The interview types as described cards, one to pick. */
export function PracticeTypeCards({ value: current, onChange }: { value: InterviewType; onChange: (type: InterviewType) => void }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-3 text-base font-semibold text-fg">Interview type</legend>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {interviewTypes.map(({ value, label, description, Icon }) => {
          const checked = value === current;
          return (
            <label
              key={value}
              className={cn(
                'relative flex cursor-pointer gap-3 rounded-2xl border bg-surface p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                checked ? 'border-primary ring-1 ring-primary' : 'border-border hover:border-border-strong',
              )}
            >
              <input
                type="radio"
                name="type"
                value={value}
                checked={checked}
                onChange={() => onChange(value)}
                className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
                aria-labelledby={`type-${value}-label`}
                aria-describedby={`type-${value}-desc`}
              />
              <span
                className={cn(
                  'grid size-10 shrink-0 place-items-center rounded-xl transition-colors',
                  checked ? 'bg-primary text-primary-fg' : 'bg-surface-muted text-fg-muted',
                )}
                aria-hidden="true"
              >
                <Icon className="size-5" />
              </span>
              <span className="min-w-0">
                <span id={`type-${value}-label`} className="block font-medium text-fg">
                  {label}
                </span>
                <span id={`type-${value}-desc`} className="mt-0.5 block text-sm leading-snug text-fg-muted">
                  {description}
                </span>
              </span>
              {checked ? <Check className="absolute top-3 right-3 size-4 text-primary" aria-hidden="true" /> : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
