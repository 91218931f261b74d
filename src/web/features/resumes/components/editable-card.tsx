import { PencilLine, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../ui/alert.js';
import { Badge } from '../../../ui/badge.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';

/** "Corrected": the owner changed what the parser found. */
export function CorrectedBadge({ className }: { className?: string }) {
  return (
    <Badge tone="primary" className={className}>
      <PencilLine className="size-3" aria-hidden="true" /> Corrected
    </Badge>
  );
}

interface EditableCardProps {
  title: string;
  icon: LucideIcon;
  /** Shows the "Corrected" badge by the title. */
  corrected?: boolean;
  /** Null when the viewer may not edit (a coach looking at a candidate's resume). */
  editing: boolean | null;
  onEdit: () => void;
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  saveError: unknown;
  /** Shown right of the title in view mode (a count, say). */
  aside?: ReactNode;
  view: ReactNode;
  form: () => ReactNode;
  className?: string;
}

/**
 * A card that shows a part of the parsed resume and switches to a small form to correct it.
 * Focus goes to the first field on "Edit" and back to the "Edit" button afterwards.
 */
export function EditableCard({
  title,
  icon: Icon,
  corrected,
  editing,
  onEdit,
  onCancel,
  onSave,
  saving,
  saveError,
  aside,
  view,
  form,
  className,
}: EditableCardProps) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else if (wasEditing.current) sectionRef.current?.querySelector<HTMLElement>('[data-edit-button]')?.focus();
    wasEditing.current = Boolean(editing);
  }, [editing]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onSave();
  }

  return (
    <section ref={sectionRef} aria-labelledby={headingId} className={cn('card p-5 sm:p-6', className)}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <h2 id={headingId} className="flex min-w-0 items-center gap-2 font-semibold text-fg">
          <Icon className="size-4 shrink-0 text-primary" aria-hidden="true" />
          {title}
          {corrected ? <CorrectedBadge /> : null}
        </h2>
        <div className="flex items-center gap-3">
          {!editing ? aside : null}
          {editing === false ? (
            <Button data-edit-button variant="ghost" size="sm" onClick={onEdit} className="-my-1">
              <PencilLine className="size-4" aria-hidden="true" /> Edit<span className="sr-only"> {title.toLowerCase()}</span>
            </Button>
          ) : null}
        </div>
      </div>
      {editing ? (
        <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-label={`Correct ${title.toLowerCase()}`}>
          {form()}
          {saveError ? <Alert title="Could not save your correction">{errorMessage(saveError)}</Alert> : null}
          <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-4">
            <Button variant="secondary" size="sm" onClick={onCancel} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" size="sm" loading={saving} loadingText="Saving…">
              Save correction
            </Button>
          </div>
        </form>
      ) : (
        view
      )}
    </section>
  );
}
