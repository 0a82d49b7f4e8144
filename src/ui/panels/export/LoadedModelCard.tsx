/**
 * A loaded bundle: what it is (strategy, options, seed, features, routes, the data it was trained on),
 * whether it reproduces the predictions stored at export (the identity check), and how it scores on
 * the dataset loaded now, with the three checks.
 */
import { SELF_CHECK_TOLERANCE } from '../../../core/export/self-check';
import type { LoadedModelView } from '../../../worker/protocol';
import { CheckBadge } from '../../charts/CheckBadge';
import { useLab } from '../../common/lab-store-context';
import { count } from '../../common/format';
import { sizeText } from '../../../store/export-slice';

const num = (x: number | null | undefined, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : '–');

export function LoadedModelCard({ view }: { view: LoadedModelView }) {
  const fingerprint = useLab((s) => s.summary?.fingerprint);
  const { manifest, selfCheck, scored } = view;
  const users = Object.keys(manifest.routing.users).length;
  return (
    <article className="loaded-model" aria-labelledby="loaded-model-heading">
      <h3 id="loaded-model-heading">Loaded model: {view.source}</h3>
      <dl className="model-facts">
        <dt>Strategy</dt>
        <dd>{manifest.strategy.label}</dd>
        <dt>Created</dt>
        <dd>{manifest.createdAt}</dd>
        <dt>Seed · trained on</dt>
        <dd>
          {manifest.seed} · {manifest.backend} (now running on {view.backend})
        </dd>
        <dt>Features</dt>
        <dd>
          {manifest.features.version} ({manifest.features.names.length} history features, spec v
          {manifest.features.specVersion})
        </dd>
        <dt>Networks</dt>
        <dd>
          {users > 0
            ? `shared base + ${count(users)} per-user pairs (base serves everyone else)`
            : 'one correctness and one time network for every user'}
        </dd>
        <dt>Trained on</dt>
        <dd>
          {count(manifest.dataset.rows)} tasks, {count(manifest.dataset.users)} users, dataset{' '}
          <code>{manifest.dataset.fingerprint.slice(0, 12)}</code>
          {fingerprint === manifest.dataset.fingerprint
            ? ' (the dataset loaded now)'
            : ' (not the dataset loaded now)'}
        </dd>
        <dt>Size · user ids</dt>
        <dd>
          {sizeText(view.sizeBytes)} · {manifest.idsMasked ? 'masked' : 'real'}
        </dd>
        <dt>Options</dt>
        <dd>
          <code>{JSON.stringify(manifest.strategy.options)}</code>
        </dd>
      </dl>
      <p
        data-testid="self-check"
        className={selfCheck.kind === 'checked' && !selfCheck.passed ? 'error' : undefined}
      >
        {selfCheck.kind === 'checked'
          ? `${selfCheck.passed ? 'Same predictions' : 'Predictions differ'}: on the ${count(selfCheck.rows)} held-out rows stored at export, the largest difference is ${selfCheck.maxDiffPCorrect.toExponential(1)} in P(correct) and ${selfCheck.maxRelDiffTime.toExponential(1)} (relative) in time (tolerance ${SELF_CHECK_TOLERANCE.toExponential(0)}).`
          : `Prediction check not run: ${selfCheck.reason}.`}
      </p>
      {scored?.status === 'ok' && (
        <table className="data-table">
          <caption>Scores on the held-out rows of the dataset loaded now</caption>
          <thead>
            <tr>
              <th scope="col">AUC</th>
              <th scope="col">Log loss</th>
              <th scope="col">Per-user log loss</th>
              <th scope="col">Time MAE (s)</th>
              <th scope="col">Checks</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td data-testid="loaded-auc">{num(scored.test.auc)}</td>
              <td data-testid="loaded-log-loss">{num(scored.test.logLoss, 4)}</td>
              <td>{num(scored.testMacroByUser.logLoss, 4)}</td>
              <td>{num(scored.test.timeMaeSeconds, 1)}</td>
              <td>
                <CheckBadge pass={scored.verdicts.continuous} label="continuous" />{' '}
                <CheckBadge pass={scored.verdicts.responsive} label="responsive" />{' '}
                <CheckBadge pass={scored.verdicts.generalizes} label="generalizes" />
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </article>
  );
}
