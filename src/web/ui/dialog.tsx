import { useId, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { cn } from './cn.js';
import { ModalFrame } from './modal-frame.js';

interface DialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  onClose: () => void;
  className?: string;
}

/**
 * A modal with arbitrary content (a small form, say), built on <dialog> like ConfirmDialog:
 * the browser traps focus, closes on Escape and puts focus back where it was.
 */
export function Dialog({ open, title, description, children, onClose, className }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();

  return (
    <ModalFrame
      open={open}
      onDismiss={onClose}
      labelledBy={titleId}
      describedBy={description ? descriptionId : undefined}
      className={cn(
        'm-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-2xl border border-border bg-surface p-0 text-fg shadow-pop backdrop:bg-black/40 backdrop:backdrop-blur-[2px]',
        className,
      )}
    >
      {open ? (
        <div className="relative p-5 sm:p-6">
          <div className="mb-5 min-w-0 space-y-1 pr-10">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="text-sm text-fg-muted">
                {description}
              </div>
            ) : null}
          </div>
          {children}
          {/* Last in the DOM so opening the dialog focuses the first field, not this button. */}
          <button
            type="button"
            onClick={onClose}
            className="absolute top-4 right-4 grid size-9 place-items-center rounded-lg text-fg-subtle hover:bg-surface-muted hover:text-fg"
            aria-label="Close"
          >
            <X className="size-5" aria-hidden="true" />
          </button>
        </div>
      ) : null}
    </ModalFrame>
  );
}
