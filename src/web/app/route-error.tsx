import { Compass, TriangleAlert } from 'lucide-react';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { buttonClass } from '../ui/button.js';

function Shell({ icon, title, children }: { icon: React.ReactNode; title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center">
      <div className="mb-5 grid size-14 place-items-center rounded-2xl bg-primary-soft text-primary-soft-fg">{icon}</div>
      <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      <div className="mt-2 text-fg-muted">{children}</div>
      <Link to="/" className={buttonClass('primary', 'md', 'mt-8')}>
        Go to your dashboard
      </Link>
    </main>
  );
}

export function NotFoundPage() {
  return (
    <Shell icon={<Compass className="size-7" aria-hidden="true" />} title="Page not found">
      <title>Page not found · Panelist</title>
      <p>The page you asked for does not exist or has moved.</p>
    </Shell>
  );
}

export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Shell icon={<TriangleAlert className="size-7" aria-hidden="true" />} title="Something went wrong">
      <title>Error · Panelist</title>
      <p>An unexpected error stopped this page. Reloading usually helps; your answers are saved as you submit them.</p>
    </Shell>
  );
}
