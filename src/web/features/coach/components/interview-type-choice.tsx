import type { InterviewType } from '../../../../contract/index.js';
import { interviewTypes } from '../../../lib/interview-meta.js';
import { cn } from '../../../ui/cn.js';

/** The interview types as a grid of radio cards. */
export function InterviewTypeChoice({ value: current, onChange }: { value: InterviewType; onChange: (type: InterviewType) => void }) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-fg">Type</legend>
      <div className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-2 sm:grid-cols-3">
        {interviewTypes.map(({ value, label, Icon }) => {
          const checked = value === current;
          return (
            <label
              key={value}
              className={cn(
                'relative flex cursor-pointer items-center gap-2.5 rounded-xl border bg-surface px-3 py-2.5 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                checked
                  ? 'border-primary font-medium text-fg ring-1 ring-primary'
                  : 'border-border text-fg-muted hover:border-border-strong',
              )}
            >
              <input
                type="radio"
                name="type"
                value={value}
                checked={checked}
                onChange={() => onChange(value)}
                className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
              />
              <Icon className={cn('size-4 shrink-0', checked ? 'text-primary' : 'text-fg-subtle')} aria-hidden="true" />
              <span className="min-w-0">{label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
