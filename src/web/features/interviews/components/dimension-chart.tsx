import { useSyncExternalStore } from 'react';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from 'recharts';
import { DIMENSIONS, type DimensionScores } from '../../../../contract/index.js';
import { dimensionLabels } from '../../../lib/interview-meta.js';

const narrowQuery = '(max-width: 639px)';
const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

function subscribeMedia(callback: () => void) {
  const lists = [narrowQuery, reducedMotionQuery].map((q) => window.matchMedia(q));
  lists.forEach((l) => l.addEventListener('change', callback));
  return () => lists.forEach((l) => l.removeEventListener('change', callback));
}

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    subscribeMedia,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/**
 * The five rubric dimensions as a radar chart. Colours come from the theme's CSS variables
 * (see `.dimension-chart` in styles.css), so light, dark and print need no JavaScript.
 * The numbers are also in the accessible name and in the bars beside the chart.
 */
export function DimensionChart({ dimensions }: { dimensions: DimensionScores }) {
  // Axis labels sit outside the polygon; on phones leave them room so "Completeness" is not clipped.
  const narrow = useMedia(narrowQuery);
  const reducedMotion = useMedia(reducedMotionQuery);
  const data = DIMENSIONS.map((d) => ({ dimension: dimensionLabels[d], score: Math.round(dimensions[d]) }));
  const summary = data.map((d) => `${d.dimension} ${d.score}`).join(', ');
  return (
    <div
      role="img"
      aria-label={`Radar chart of your scores by dimension: ${summary}.`}
      className="dimension-chart h-60 w-full sm:h-80 md:h-96"
      data-testid="dimension-chart"
    >
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart
          data={data}
          outerRadius={narrow ? '68%' : '74%'}
          margin={narrow ? { top: 0, right: 36, bottom: 0, left: 36 } : { top: 8, right: 24, bottom: 8, left: 24 }}
        >
          <PolarGrid />
          <PolarAngleAxis dataKey="dimension" tick={{ fontSize: narrow ? 11 : 12, fontWeight: 500 }} />
          <PolarRadiusAxis domain={[0, 100]} tickCount={5} tick={false} axisLine={false} />
          <Radar
            name="Score"
            dataKey="score"
            strokeWidth={2}
            fillOpacity={0.22}
            dot={{ r: 3, strokeWidth: 0 }}
            isAnimationActive={!reducedMotion}
          />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
