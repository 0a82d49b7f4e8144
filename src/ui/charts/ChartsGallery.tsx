/** Dev gallery: every chart in this folder drawn with realistic fake data for the six strategies
 *  (see gallery-data.ts). Open src/ui/charts/gallery.html under `npx vite`; not part of the lab page. */
import { CheckBadge } from './CheckBadge';
import { LossCurves } from './LossCurves';
import { PredictionHistograms } from './PredictionHistograms';
import { ReliabilityChart } from './ReliabilityChart';
import { ResponseProbeChart } from './ResponseProbeChart';
import { TimeScatterChart } from './TimeScatterChart';
import { UserDotPlot } from './UserDotPlot';
import { seriesColor } from './strategy-colors';
import {
  GALLERY_STRATEGIES,
  GALLERY_MANY_USERS,
  GALLERY_USERS,
  galleryHistograms,
  galleryLosses,
  galleryManyUsersSpread,
  galleryProbePanels,
  galleryReliability,
  galleryTimeScatter,
  gallerySpreadDots,
  galleryUserSpread,
  galleryVerdicts,
} from './gallery-data';

const CHECKS = ['continuous', 'responsive', 'generalizes'];

function VerdictTable() {
  return (
    <table className="table" aria-label="Checks by strategy">
      <caption>Testing checklist (CheckBadge)</caption>
      <tbody>
        {GALLERY_STRATEGIES.map((s, i) => (
          <tr key={s.id}>
            <th scope="row" className="cell-name">
              <span className="swatch" style={{ background: seriesColor(s), marginRight: '0.5rem' }} />
              {s.label}
            </th>
            {CHECKS.map((check, c) => (
              <td key={check}>
                <CheckBadge pass={galleryVerdicts[i]?.[c] ?? null} label={check} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChartsGallery() {
  return (
    <>
      <header className="masthead">
        <h1>Retrain Lab — chart gallery</h1>
        <p>
          Every chart in src/ui/charts with fake data: six strategies, four users, full retrain saturated.
        </p>
      </header>
      <main className="layout">
        <section className="panel">
          <VerdictTable />
        </section>
        <section className="panel">
          <LossCurves series={galleryLosses} maxEpochs={30} />
        </section>
        <section className="panel">
          <PredictionHistograms series={galleryHistograms} />
        </section>
        <section className="panel">
          <UserDotPlot
            label="Spread per user"
            caption="Spread of predictions per user"
            series={gallerySpreadDots(galleryUserSpread)}
            users={GALLERY_USERS}
            valueTitle="standard deviation"
            format={(v) => v.toFixed(2)}
          />
        </section>
        <section className="panel">
          <ResponseProbeChart
            panels={galleryProbePanels}
            userId="bulk@example.com"
            topic="fractions"
            difficulty="medium"
            tolerances={{ drop: 0.01, gap: 0.01 }}
          />
        </section>
        <section className="panel">
          <ReliabilityChart series={galleryReliability} />
        </section>
        <section className="panel">
          <TimeScatterChart series={galleryTimeScatter} />
        </section>
        {/* The spread plot again, on purpose, with ten users: past the top few it draws, the rest are in
            its table and behind "Show all" (the duplicates report pairs it with the first). */}
        <section className="panel">
          <UserDotPlot
            label="Spread, ten users"
            caption="Spread of predictions per user (ten users)"
            series={gallerySpreadDots(galleryManyUsersSpread)}
            users={GALLERY_MANY_USERS}
            valueTitle="standard deviation"
            format={(v) => v.toFixed(2)}
            highlighted={6}
          />
        </section>
      </main>
    </>
  );
}
