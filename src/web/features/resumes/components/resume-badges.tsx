import { CircleCheck, EyeOff, ScanText, ShieldAlert } from 'lucide-react';
import type { Resume } from '../../../../contract/index.js';
import { Badge } from '../../../ui/badge.js';

/** Status and flags as badges: what a person should notice before opening the resume. */
export function ResumeBadges({ resume, showActive = true }: { resume: Resume; showActive?: boolean }) {
  const { flags } = resume;
  return (
    <>
      {showActive && resume.active ? (
        <Badge tone="primary">
          <CircleCheck className="size-3.5" aria-hidden="true" /> Active
        </Badge>
      ) : null}
      {resume.status === 'no_text' || flags.noTextLayer ? (
        <Badge tone="warning">
          <ScanText className="size-3.5" aria-hidden="true" /> No text found
        </Badge>
      ) : (
        <Badge tone="success">Parsed</Badge>
      )}
      {flags.hiddenText ? (
        <Badge tone="danger">
          <EyeOff className="size-3.5" aria-hidden="true" /> Hidden text
        </Badge>
      ) : null}
      {flags.injection ? (
        <Badge tone="danger">
          <ShieldAlert className="size-3.5" aria-hidden="true" /> Instructions to AI
        </Badge>
      ) : null}
    </>
  );
}
