/**
 * The lab page: import, the dataset summary, training, the comparison, export and sweeps ("Lab"); what each trained
 * strategy predicts for a learner you edit ("Try a learner"); every run of this browser ("Run history");
 * and the results in plain language ("Stakeholder summary"), switched by tabs. Restores the last session on open, or loads
 * the bundled sample, so the lab never starts empty. The Lab view stays mounted while hidden, so nothing in it is lost.
 */
import { useEffect, useState } from 'react';
import { useLab } from './common/lab-store-context';
import { ImportPanel } from './panels/import/ImportPanel';
import { SummaryPanel } from './panels/summary/SummaryPanel';
import { TrainPanel } from './panels/train/TrainPanel';
import { ComparePanel } from './panels/compare/ComparePanel';
import { ExportPanel } from './panels/export/ExportPanel';
import { SweepPanel } from './panels/sweep/SweepPanel';
import { StakeholderView } from './panels/stakeholder/StakeholderView';
import { TryLearnerView } from './panels/learner/TryLearnerView';
import { RunHistoryView } from './panels/history/RunHistoryView';
import { DatasetStoryLine } from './common/DatasetStoryLine';
import { panelId, tabId, ViewTabs, type View } from './panels/stakeholder/ViewTabs';
import { MaskToggle } from './common/MaskToggle';
import { SessionNote } from './common/SessionNote';

export function App() {
  const startLab = useLab((s) => s.startLab);
  const [view, setView] = useState<View>('lab');
  useEffect(() => {
    void startLab();
  }, [startLab]);
  return (
    <>
      <header className="masthead">
        <h1>Retrain Lab</h1>
        <DatasetStoryLine />
        <div className="masthead__controls">
          <ViewTabs view={view} onChange={setView} />
          <MaskToggle />
        </div>
        <SessionNote />
      </header>
      <main>
        <div
          role="tabpanel"
          id={panelId('lab')}
          aria-labelledby={tabId('lab')}
          className="layout"
          hidden={view !== 'lab'}
        >
          <ImportPanel />
          <SummaryPanel />
          <TrainPanel />
          <ComparePanel />
          <ExportPanel />
          <SweepPanel />
        </div>
        <div
          role="tabpanel"
          id={panelId('learner')}
          aria-labelledby={tabId('learner')}
          className="layout"
          hidden={view !== 'learner'}
        >
          {view === 'learner' && <TryLearnerView />}
        </div>
        <div
          role="tabpanel"
          id={panelId('history')}
          aria-labelledby={tabId('history')}
          className="layout"
          hidden={view !== 'history'}
        >
          {view === 'history' && <RunHistoryView />}
        </div>
        <div
          role="tabpanel"
          id={panelId('stakeholder')}
          aria-labelledby={tabId('stakeholder')}
          className="layout"
          hidden={view !== 'stakeholder'}
        >
          {view === 'stakeholder' && <StakeholderView />}
        </div>
      </main>
    </>
  );
}
