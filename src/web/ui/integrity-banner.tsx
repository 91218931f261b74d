import { ShieldAlert } from 'lucide-react';
import type { IntegrityWarning } from '../../contract/index.js';

/**
 * The live warning during a proctored interview: what was noticed, said plainly, and that it is a
 * note for the coach rather than a verdict. Announced politely, so typing is not interrupted.
 */
export function IntegrityBanner({ warnings }: { warnings: IntegrityWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div role="status" className="flex gap-3 rounded-xl border border-warning/30 bg-warning-soft px-4 py-3 text-sm text-warning">
      <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="min-w-0 space-y-1">
        <p className="font-semibold">Proctoring notice</p>
        <ul className="space-y-0.5">
          {warnings.map((w) => (
            <li key={w.category}>{w.message}</li>
          ))}
        </ul>
        <p className="opacity-90">Stay on this tab, in full screen, until you finish. This is a note for review, not a fail.</p>
      </div>
    </div>
  );
}
