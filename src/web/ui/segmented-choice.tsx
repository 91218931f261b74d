import { cn } from './cn.js';

interface SegmentedChoiceProps<T extends string> {
  legend: string;
  /** Form field name of the radio inputs. */
  name: string;
  options: ReadonlyArray<{ value: T; label: string; description?: string }>;
  value: T;
  onChange: (value: T) => void;
  /** Slightly shorter segments, for forms that are already long. */
  compact?: boolean;
}

/** One choice out of a few (e.g. a level), as radio buttons drawn as one segmented bar of equal parts. Laid out for three options. */
export function SegmentedChoice<T extends string>({ legend, name, options, value, onChange, compact = false }: SegmentedChoiceProps<T>) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-fg">{legend}</legend>
      <div className="grid grid-cols-3 gap-2 rounded-2xl bg-surface-muted p-1">
        {options.map((o) => {
          const checked = value === o.value;
          return (
            <label
              key={o.value}
              className={cn(
                'relative cursor-pointer rounded-xl px-2 text-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
                compact ? 'py-2' : 'py-2.5',
                checked ? 'bg-surface shadow-sm ring-1 ring-border' : 'hover:bg-surface/60',
              )}
            >
              <input
                type="radio"
                name={name}
                value={o.value}
                checked={checked}
                onChange={() => onChange(o.value)}
                className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
              />
              <span className={cn('block text-sm font-medium', checked ? 'text-fg' : 'text-fg-muted')}>{o.label}</span>
              {o.description ? <span className="block text-xs text-fg-subtle">{o.description}</span> : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
