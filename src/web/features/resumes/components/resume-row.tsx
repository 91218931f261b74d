import { Download, FileText, Star, Trash2, TriangleAlert } from 'lucide-react';
import { Link } from 'react-router';
import type { Resume } from '../../../../contract/index.js';
import { formatRelativeDay } from '../../../lib/format.js';
import { Button, buttonClass } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { ListSkeleton } from '../../../ui/skeleton.js';
import { resumeFileUrl } from '../../../lib/api/resumes.js';
import { fileTypeLabel, formatBytes } from '../resume-file.js';
import { ResumeBadges } from './resume-badges.js';

interface ResumeRowProps {
  resume: Resume;
  onMakeActive?: () => void;
  makingActive?: boolean;
  onDelete?: () => void;
}

export function ResumeRow({ resume, onMakeActive, makingActive, onDelete }: ResumeRowProps) {
  const title = resume.parsed.name ? `${resume.parsed.name} · ${resume.fileName}` : resume.fileName;
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:gap-4 sm:px-5">
      <div className="flex min-w-0 flex-1 gap-3 sm:gap-4">
        <span
          className={cn(
            'grid size-10 shrink-0 place-items-center rounded-xl',
            resume.active ? 'bg-primary text-primary-fg' : 'bg-primary-soft text-primary-soft-fg',
          )}
          aria-hidden="true"
        >
          <FileText className="size-5" />
        </span>
        <div className="min-w-0 flex-1 space-y-1.5">
          <Link
            to={`/resumes/${resume.id}`}
            className="block truncate font-medium text-fg underline-offset-4 hover:underline"
            title={title}
          >
            {resume.fileName}
          </Link>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-subtle">
            <span>{fileTypeLabel(resume.mimeType)}</span>
            <span aria-hidden="true">·</span>
            <span>{formatBytes(resume.size)}</span>
            <span aria-hidden="true">·</span>
            <span>
              Uploaded <time dateTime={resume.createdAt}>{formatRelativeDay(resume.createdAt)}</time>
            </span>
          </p>
          <div className="flex flex-wrap gap-1.5">
            <ResumeBadges resume={resume} />
          </div>
          {resume.warnings.length ? (
            <ul className="space-y-0.5 text-sm text-warning">
              {resume.warnings.slice(0, 2).map((w) => (
                <li key={w} className="flex gap-1.5">
                  <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                  <span className="min-w-0">{w}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 pl-[3.25rem] sm:pl-0">
        {onMakeActive && !resume.active ? (
          <Button variant="secondary" size="sm" onClick={onMakeActive} loading={makingActive ?? false}>
            <Star className="size-4" aria-hidden="true" /> Make active<span className="sr-only"> ({resume.fileName})</span>
          </Button>
        ) : null}
        <a href={resumeFileUrl(resume.id)} download={resume.fileName} className={buttonClass('ghost', 'sm')}>
          <Download className="size-4" aria-hidden="true" />
          Download
          <span className="sr-only"> {resume.fileName}</span>
        </a>
        {onDelete ? (
          <Button variant="ghost" size="sm" onClick={onDelete} className="hover:text-danger">
            <Trash2 className="size-4" aria-hidden="true" />
            Delete
            <span className="sr-only"> {resume.fileName}</span>
          </Button>
        ) : null}
      </div>
    </li>
  );
}

export function ResumeListSkeleton({ rows = 2 }: { rows?: number }) {
  return <ListSkeleton rows={rows} trailing="h-8 w-24" />;
}
