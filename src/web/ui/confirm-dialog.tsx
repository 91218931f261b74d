import { useId, type ReactNode } from 'react';
import { Button } from './button.js';
import { ModalFrame } from './modal-frame.js';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  tone?: 'primary' | 'danger';
}

/** A modal built on <dialog>: the browser traps focus, handles Escape and restores focus. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  busy,
  tone = 'primary',
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();

  return (
    <ModalFrame
      open={open}
      onDismiss={onCancel}
      labelledBy={titleId}
      describedBy={bodyId}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-border bg-surface p-0 text-fg shadow-pop backdrop:bg-black/40 backdrop:backdrop-blur-[2px]"
    >
      <div className="space-y-2 p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="text-fg-muted">
          {children}
        </div>
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-border bg-surface-muted/60 px-6 py-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} autoFocus>
          {cancelLabel}
        </Button>
        <Button variant={tone} onClick={onConfirm} loading={busy ?? false}>
          {confirmLabel}
        </Button>
      </div>
    </ModalFrame>
  );
}
