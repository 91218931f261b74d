import { Monitor, Moon, Sun } from 'lucide-react';
import { useId } from 'react';
import { cn } from '../ui/cn.js';
import { useTheme, type ThemeChoice } from './theme.js';

const options: Array<{ value: ThemeChoice; label: string; Icon: typeof Sun }> = [
  { value: 'system', label: 'System', Icon: Monitor },
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
];

/** System / light / dark as a native radio group: arrow keys move between the three. */
export function ThemeToggle({ className }: { className?: string }) {
  const { choice, setChoice } = useTheme();
  const name = useId();
  return (
    <fieldset className={cn('inline-flex items-center rounded-xl border border-border bg-surface-muted p-0.5', className)}>
      <legend className="sr-only">Colour theme</legend>
      {options.map(({ value, label, Icon }) => (
        <label
          key={value}
          title={`${label} theme`}
          className={cn(
            'relative grid size-8 cursor-pointer place-items-center rounded-[0.6rem] transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
            choice === value ? 'bg-surface text-fg shadow-sm ring-1 ring-border' : 'text-fg-subtle hover:text-fg',
          )}
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={choice === value}
            onChange={() => setChoice(value)}
            className="peer absolute inset-0 cursor-pointer opacity-0"
          />
          <Icon className="size-4" aria-hidden="true" />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
