/**
 * Step 3: the six strategies with their options, the person's own strategies and the editor that makes
 * them, the influence preview, the run controls, per-strategy progress and live loss curves. Training
 * itself happens in the worker; this only asks and shows.
 */
import { useState } from 'react';
import { LossCurves } from '../../charts/LossCurves';
import { colorOf } from '../../charts/strategy-colors';
import { useLab } from '../../common/lab-store-context';
import { useHeldWhile } from '../../common/use-held-while';
import { displayText } from '../../../store/report-selectors';
import { strategyList } from '../../../store/strategy-selectors';
import { InfluencePreview } from './InfluencePreview';
import { OwnStrategyCard } from './OwnStrategyCard';
import { RecipeEditor } from './RecipeEditor';
import { StrategyCard } from './StrategyCard';
import { TrainControls } from './TrainControls';

export function TrainPanel() {
  // Drawn on request: hundreds of points per strategy make a heavy SVG, and each card has a sparkline.
  const [showCurves, setShowCurves] = useState(false);
  // The editor: closed, a new strategy, or one of the own strategies by id.
  const [editing, setEditing] = useState<'new' | string>();
  const catalog = useLab((s) => s.catalog);
  const own = useLab((s) => s.ownStrategies);
  const listed = useLab(strategyList);
  const shownText = useLab(displayText);
  const running = useLab((s) => s.runId !== undefined);
  // The full chart is drawn when a run ends; while it runs each card shows a cheap sparkline instead.
  const progress = useHeldWhile(
    useLab((s) => s.progress),
    running,
  );
  const series = listed
    .filter((m) => (progress[m.id]?.losses.length ?? 0) > 0)
    .map((m) => ({
      id: m.id,
      label: shownText(m.label),
      color: colorOf(m.id),
      losses: progress[m.id]?.losses ?? [],
      valLosses: progress[m.id]?.valLosses ?? [],
    }));
  return (
    <section className="panel" aria-labelledby="train-heading">
      <h2 id="train-heading">3. Train the strategies</h2>
      <TrainControls />
      {catalog.length === 0 ? (
        <p className="hint">Starting the training worker…</p>
      ) : (
        <ul className="strategy-list">
          {catalog.map((m) => (
            <StrategyCard key={m.id} meta={m} />
          ))}
          {own.map((o) => (
            <OwnStrategyCard key={o.id} own={o} onEdit={() => setEditing(o.id)} />
          ))}
        </ul>
      )}
      {editing === undefined ? (
        <button
          type="button"
          className="button--secondary"
          disabled={running}
          onClick={() => setEditing('new')}
        >
          Add your own strategy
        </button>
      ) : (
        <RecipeEditor
          key={editing}
          editing={own.find((o) => o.id === editing)}
          onClose={() => setEditing(undefined)}
        />
      )}
      <InfluencePreview />
      {series.length > 0 && (
        <button
          type="button"
          className="button--small button--secondary"
          onClick={() => setShowCurves(!showCurves)}
        >
          {showCurves ? 'Hide' : 'Show'} all loss curves on one chart
        </button>
      )}
      {showCurves && series.length > 0 && <LossCurves series={series} height={240} />}
    </section>
  );
}
