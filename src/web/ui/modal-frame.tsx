import { useEffect, useRef, type ReactNode } from 'react';

interface ModalFrameProps {
  open: boolean;
  /** Escape, or a click on the backdrop. */
  onDismiss: () => void;
  labelledBy: string;
  describedBy?: string;
  className: string;
  children: ReactNode;
}

/**
 * The <dialog> element under Dialog and ConfirmDialog: the browser traps focus, and puts focus
 * back where it was on close; Escape and backdrop clicks go through `onDismiss` so the owner's
 * `open` state stays the one source of truth.
 */
export function ModalFrame({ open, onDismiss, labelledBy, describedBy, className, children }: ModalFrameProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onDismiss();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onDismiss();
      }}
      className={className}
    >
      {children}
    </dialog>
  );
}
