/**
 * The lab page: import, the dataset summary, training, then the comparison.
 * Loads the bundled sample on first open so the lab never starts empty.
 */
import { useEffect } from 'react';
import { useLab } from './common/lab-store-context';
import { ImportPanel } from './panels/import/ImportPanel';
import { SummaryPanel } from './panels/summary/SummaryPanel';
import { TrainPanel } from './panels/train/TrainPanel';
import { ComparePanel } from './panels/compare/ComparePanel';
import { MaskToggle } from './common/MaskToggle';

export function App() {
  const loadSample = useLab((s) => s.loadSample);
  useEffect(() => {
    void loadSample();
  }, [loadSample]);
  return (
    <>
      <header className="masthead">
        <h1>Retrain Lab</h1>
        <p>Which retraining strategy cures a model that one dominant user has made overfit?</p>
        <MaskToggle />
      </header>
      <main className="layout">
        <ImportPanel />
        <SummaryPanel />
        <TrainPanel />
        <ComparePanel />
      </main>
    </>
  );
}
