/**
 * The stakeholder summary: one screen in plain language — which strategies pass the three checks, the
 * recommended (or closest) strategy and why, and predictions before and after — with HTML and PNG
 * exports. Shows the report as the page does: masked when "Mask user IDs" is on.
 */
import { useRef } from 'react';
import { seedsText } from '../../../core/report/format-figures';
import { displayRecommendation, displayReport } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { BeforeAfterHistograms } from './BeforeAfterHistograms';
import { ChecksGrid } from './ChecksGrid';
import { RecommendationCard } from './RecommendationCard';
import { SummaryExport } from './SummaryExport';
import { displayDatasetStory } from '../../../store/dataset-story';
import { count, percent } from '../../common/format';
import './stakeholder.css';

export function StakeholderView() {
  const report = useLab(displayReport);
  const recommendation = useLab(displayRecommendation);
  const masked = useLab((s) => s.maskIds);
  const running = useLab((s) => s.runId !== undefined);
  const thresholds = useLab((s) => s.thresholds);
  const view = useRef<HTMLElement>(null);
  const story = useLab(displayDatasetStory);
  if (!report || !recommendation) {
    return (
      <section className="panel stakeholder" aria-labelledby="stakeholder-heading">
        <h2 id="stakeholder-heading">Which retraining strategy to use</h2>
        <p className="hint">
          Nothing to summarise yet: train the strategies in the Lab, and the answer appears here.
        </p>
      </section>
    );
  }
  const d = report.dataset;
  return (
    <section ref={view} className="panel stakeholder" aria-labelledby="stakeholder-heading">
      <div className="panel__head">
        <h2 id="stakeholder-heading">Which retraining strategy to use</h2>
        <SummaryExport report={report} recommendation={recommendation} masked={masked} target={view} />
      </div>
      <p className="hint" data-testid="stakeholder-data">
        Based on {d.fileName}: {d.rows.toLocaleString('en-US')} practice tasks from {count(d.users.length)}{' '}
        learners
        {story?.kind === 'dominant'
          ? `, ${percent(story.share)} of them from one learner (${story.userId}) — the situation the retraining has to cure.`
          : story
            ? `, none of whom did half of them (the most active did ${percent(story.share)}).`
            : '.'}{' '}
        {report.seeds.length > 1
          ? `Each strategy was trained ${report.seeds.length} times, with random seeds ${seedsText(report.seeds).replace(/^Seeds /, '')},`
          : `Each strategy was trained once, with random seed ${report.seeds[0] ?? report.seed},`}{' '}
        and judged on each learner&apos;s most recent tasks, which it never saw in training.
        {report.mixedRuns && ' The results come from different runs.'}
        {masked && ' Learner names are hidden.'}
      </p>
      {running && (
        <p className="callout">
          Training is still running: this summary covers the strategies finished so far.
        </p>
      )}
      <RecommendationCard recommendation={recommendation} />
      <ChecksGrid recommendation={recommendation} />
      <BeforeAfterHistograms report={report} recommendation={recommendation} thresholds={thresholds} />
    </section>
  );
}
