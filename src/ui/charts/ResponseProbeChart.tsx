/** Response probe as small multiples: for one user, each strategy's predicted chance of a correct answer as
 *  0–5 correct (solid) or incorrect (dashed) answers are added to the user's history, each panel on its own
 *  fitted axis so one-point moves show, with the check's ✓/✗ and reason printed under it. */
import type { ProbePanelSeries } from './chart-types';
import { percentText } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { ProbePanel } from './ProbePanel';

export interface ResponseProbeChartProps {
  panels: ProbePanelSeries[];
  userId: string;
  topic: string;
  difficulty: string;
  /** The check's two tolerances, probability units (e.g. 0.01 = 1 point). */
  tolerances: { drop: number; gap: number };
  /** Plot height of each panel in px; default 170. */
  panelHeight?: number;
  /** Other probed users some strategy fails this rule for (to pick next). */
  failingElsewhere?: readonly { userId: string; failing: number }[];
}

const valuesText = (values: number[]) => values.map((v) => percentText(v, 1)).join(', ');

export function ResponseProbeChart({
  panels,
  userId,
  topic,
  difficulty,
  tolerances,
  panelHeight = 170,
  failingElsewhere = [],
}: ResponseProbeChartProps) {
  const failing = panels.filter((p) => !p.decision.pass).length;
  // The first three by name (the picker marks every one), so the line stays a line on a big file.
  const named = failingElsewhere
    .slice(0, 3)
    .map((u) => `${u.userId} fails ${u.failing === 1 ? '1 strategy' : `${u.failing} strategies`}`);
  const more = failingElsewhere.length - named.length;
  const elsewhere =
    failingElsewhere.length === 0
      ? ''
      : ` Some strategy fails this rule for other users too: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''} (choose them as probe user).`;
  return (
    <ChartFigure
      label={`Response to consecutive answers for ${userId}, ${topic}, ${difficulty}`}
      caption="Response to consecutive answers"
      note={`${userId} · ${topic} · ${difficulty}. Solid: after 1–5 correct answers; dashed: after incorrect ones; the number at each end is the change in points. Passes when 5 correct answers lower it by at most ${(tolerances.drop * 100).toFixed(1)} points and leave it at most ${(tolerances.gap * 100).toFixed(1)} below where 5 incorrect answers would. Each panel has its own scale.`}
      footnote={
        (failing === 0
          ? `Every strategy responds for ${userId}.`
          : `${failing} of ${panels.length} strategies fail for ${userId}.`) + elsewhere
      }
    >
      <div className="chart-grid">
        {panels.map((p) => (
          <ProbePanel key={p.id} series={p} height={panelHeight} />
        ))}
      </div>
      <DataTable
        caption={`Predicted chance of a correct answer after 0 to 5 added answers, ${userId}, ${topic}, ${difficulty}`}
        columns={['Strategy', 'Check', 'After correct answers', 'After incorrect answers']}
        rows={panels.map((p) => ({
          key: p.id,
          cells: [
            p.label,
            `${p.decision.pass ? 'passes' : 'fails'}: ${p.decision.reason}`,
            valuesText(p.afterCorrect),
            valuesText(p.afterIncorrect),
          ],
        }))}
      />
    </ChartFigure>
  );
}
