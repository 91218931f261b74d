import { useId } from 'react';
import { cn } from '../../../ui/cn.js';
import { skillNames } from '../skill-names.js';

/** "Targets: PostgreSQL, Apache Kafka" as small chips; nothing when the question targets no skill. */
export function SkillChips({
  skills,
  names,
  className,
}: {
  skills: readonly string[];
  names?: ReadonlyMap<string, string>;
  className?: string;
}) {
  const labelId = useId();
  if (!skills.length) return null;
  return (
    <div className={cn('flex flex-wrap items-center gap-x-2 gap-y-1.5', className)}>
      <span id={labelId} className="text-xs font-medium text-fg-subtle">
        Targets:
      </span>
      <ul aria-labelledby={labelId} className="flex min-w-0 flex-wrap gap-1.5">
        {skillNames(skills, names).map((name) => (
          <li
            key={name}
            className="max-w-full truncate rounded-md bg-surface-muted px-2 py-0.5 text-xs font-medium text-fg-muted ring-1 ring-border ring-inset"
          >
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}
