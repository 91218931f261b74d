import { errorMessage } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { Alert } from '../../../ui/alert.js';
import { Skeleton } from '../../../ui/skeleton.js';
import { useSignInFailures } from '../api.js';

const DAYS = 14;

/** Failed sign-ins of the last two weeks, per day, and the addresses they came from most. */
export function SignInFailuresCard() {
  const stats = useSignInFailures(DAYS);
  if (stats.error) return <Alert title="Failed sign-ins could not be loaded">{errorMessage(stats.error)}</Alert>;
  if (!stats.data) return <Skeleton className="h-40 w-full" />;
  const { days, topIps, total } = stats.data;
  const highest = Math.max(1, ...days.map((d) => d.failures));
  return (
    <section aria-labelledby="sign-in-failures-title" className="rounded-2xl border border-border bg-surface p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="sign-in-failures-title" className="text-base font-semibold text-fg">
          Failed sign-ins
        </h2>
        <p className="text-sm text-fg-muted">
          {total} in the last {DAYS} days (UTC)
        </p>
      </div>
      <div className="mt-4 grid gap-6 md:grid-cols-[1fr_minmax(0,16rem)]">
        <ol className="flex h-28 items-end gap-1" aria-label="Failed sign-ins per day">
          {days.map((d) => (
            <li key={d.date} className="flex h-full flex-1 flex-col justify-end" title={`${d.date}: ${d.failures}`}>
              <span className="sr-only">
                {d.date}: {d.failures}
              </span>
              <span
                aria-hidden="true"
                className={d.failures ? 'rounded-t bg-danger/70' : 'rounded-t bg-border'}
                style={{ height: `${Math.max(4, (d.failures / highest) * 100)}%` }}
              />
            </li>
          ))}
        </ol>
        <div>
          <h3 className="text-sm font-medium text-fg">Addresses with most failures</h3>
          {topIps.length === 0 ? (
            <p className="mt-2 text-sm text-fg-muted">None.</p>
          ) : (
            <table className="mt-2 w-full text-sm">
              <thead className="sr-only">
                <tr>
                  <th>Address</th>
                  <th>Failures</th>
                  <th>Last</th>
                </tr>
              </thead>
              <tbody>
                {topIps.slice(0, 5).map((ip) => (
                  <tr key={ip.ip} className="border-t border-border first:border-t-0">
                    <td className="py-1.5 font-mono text-fg">{ip.ip}</td>
                    <td className="py-1.5 text-right tabular-nums text-fg">{ip.failures}</td>
                    <td className="py-1.5 pl-3 text-right text-fg-muted">{formatDateTime(ip.lastAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
