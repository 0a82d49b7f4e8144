/** Realistic fake chart data for the dev gallery: the catalogue's six strategies on the design note's 4-user shape, with
 *  full-retrain saturated. Deterministic (no Math.random) so screenshots are stable. */
import { CATALOGUE } from '../../core/strategies/catalogue';
import type {
  HistogramSeries,
  LossSeries,
  ProbePanelSeries,
  ProbeSeries,
  UserDotSeries,
  ReliabilitySeries,
  StrategySeries,
  TimeScatterSeries,
  UserSpreadSeries,
} from './chart-types';

/** The catalogue's strategies (the fake numbers below are for the six, in its order). */
export const GALLERY_STRATEGIES: StrategySeries[] = CATALOGUE.map(({ id, label }) => ({ id, label }));

export const GALLERY_USERS = [
  'bulk@example.com',
  'you2@example.com',
  'nigag@example.com',
  'asss77@example.com',
];

const strategy = (i: number): StrategySeries =>
  GALLERY_STRATEGIES[i] ?? { id: `s${i}`, label: `Strategy ${i}` };

/** Stable pseudo-noise in [-0.5, 0.5). */
const noise = (i: number, seed: number) => {
  const v = Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453;
  return v - Math.floor(v) - 0.5;
};

/** 20 bin counts of a clipped normal with this mean and sd, scaled to n. */
function normalCounts(mean: number, sd: number, n: number, seed: number): number[] {
  const w = Array.from({ length: 20 }, (_, i) => {
    const x = (i + 0.5) * 0.05;
    return Math.exp(-((x - mean) ** 2) / (2 * sd * sd)) * (1 + 0.35 * noise(i, seed));
  });
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => Math.round((v / total) * n));
}

const N = 183;
const HIST: [number, number, number, number][] = [
  // mean, sd, saturatedShare, distinctPercent (index 0 is replaced below)
  [0.5, 0.5, 0.62, 14],
  [0.64, 0.1, 0.0, 41],
  [0.6, 0.15, 0.0, 57],
  [0.57, 0.18, 0.005, 66],
  [0.58, 0.17, 0.0, 63],
  [0.6, 0.21, 0.071, 72],
];

export const galleryHistograms: HistogramSeries[] = HIST.map(([mean, sd, sat, distinct], i) => {
  const counts =
    i === 0 ? [74, 7, 3, 1, 1, 0, 0, 1, 0, 1, 2, 0, 1, 0, 1, 2, 3, 4, 9, 74] : normalCounts(mean, sd, N, i);
  return { ...strategy(i), counts, saturatedShare: sat, distinctPercent: distinct, n: N };
});

const STD: number[][] = [
  [0.31, 0.04, 0.0, 0.0],
  [0.14, 0.05, 0.03, 0.02],
  [0.12, 0.07, 0.05, 0.04],
  [0.11, 0.09, 0.07, 0.06],
  [0.12, 0.08, 0.06, 0.05],
  [0.13, 0.1, 0.05, 0.03],
];

export const galleryUserSpread: UserSpreadSeries[] = STD.map((stds, i) => {
  const min = Math.min(...stds);
  return {
    ...strategy(i),
    perUser: stds.map((std, u) => ({ userId: GALLERY_USERS[u] ?? `user${u}`, std })),
    varianceRatio: min > 0 ? Math.max(...stds) / min : null,
  };
});

/** Start, gain per correct answer, loss per incorrect answer. */
const PROBE: [number, number, number][] = [
  [0.998, 0, 0],
  [0.62, 0.008, 0.01],
  [0.58, 0.025, 0.027],
  [0.55, 0.034, 0.031],
  [0.57, 0.029, 0.03],
  [0.6, 0.037, 0.045],
];

export const galleryProbes: ProbeSeries[] = PROBE.map(([p0, up, down], i) => ({
  ...strategy(i),
  afterCorrect: Array.from({ length: 6 }, (_, k) => Math.min(0.999, p0 + up * k * (1 - 0.08 * k))),
  afterIncorrect: Array.from({ length: 6 }, (_, k) => Math.max(0.001, p0 - down * k * (1 - 0.08 * k))),
}));

/** Calibration slope around 0.5 (1 = calibrated; below 1 = overconfident). */
const SLOPE = [0.5, 0.75, 0.9, 0.97, 0.93, 0.88];

export const galleryReliability: ReliabilitySeries[] = galleryHistograms.map((h, i) => ({
  ...strategy(i),
  bins: Array.from({ length: 10 }, (_, b) => {
    const n = (h.counts[2 * b] ?? 0) + (h.counts[2 * b + 1] ?? 0);
    const mean =
      i === 0 ? (b === 0 ? 0.004 : b === 9 ? 0.996 : (b + 0.5) / 10) : (b + 0.5) / 10 + 0.01 * noise(b, i);
    const observed = 0.5 + (SLOPE[i] ?? 1) * (mean - 0.5) + 0.04 * noise(b, i + 9);
    return {
      binLower: b / 10,
      binUpper: (b + 1) / 10,
      n,
      meanPredicted: n > 0 ? mean : null,
      observedRate: n > 0 ? Math.min(1, Math.max(0, observed)) : null,
    };
  }),
}));

/** Epochs done so far (two strategies still training), final training loss, final validation loss. */
const LOSS: [number, number, number][] = [
  [30, 0.08, 0.95],
  [30, 0.42, 0.5],
  [30, 0.47, 0.53],
  [30, 0.5, 0.52],
  [19, 0.46, 0.5],
  [11, 0.44, 0.55],
];

export const galleryLosses: LossSeries[] = LOSS.map(([epochs, end, valEnd], i) => {
  const losses = Array.from(
    { length: epochs },
    (_, e) => end + (0.69 - end) * Math.exp(-e / 7) + 0.01 * noise(e, i),
  );
  const valLosses = losses.map((_, e) =>
    i === 0
      ? 0.6 - (0.15 * Math.min(e, 8)) / 8 + Math.max(0, e - 8) * ((valEnd - 0.45) / 22)
      : valEnd + (0.7 - valEnd) * Math.exp(-e / 6) + 0.012 * noise(e, i + 20),
  );
  return { ...strategy(i), losses, valLosses: valLosses.map((v, e) => (i === 5 && e % 3 === 2 ? null : v)) };
});

/** Verdicts per strategy: continuous, responsive, generalizes (null = not measured). */
export const galleryVerdicts: (boolean | null)[][] = [
  [false, false, false],
  [true, true, false],
  [true, true, true],
  [true, true, true],
  [true, true, true],
  [false, true, false],
];

/** A larger class (10 users) for the "others not shown" case: three strategies, users by task count. */
export const GALLERY_MANY_USERS = Array.from({ length: 10 }, (_, u) => `learner${u + 1}@school.example`);

export const galleryManyUsersSpread: UserSpreadSeries[] = [1, 2, 3].map((i) => {
  const stds = GALLERY_MANY_USERS.map(
    (_, u) => 0.05 + 0.1 / (1 + u * (0.4 + 0.3 * (3 - i))) + 0.02 * noise(u, i),
  );
  return {
    ...strategy(i),
    perUser: stds.map((std, u) => ({ userId: GALLERY_MANY_USERS[u] ?? `user${u}`, std })),
    varianceRatio: Math.max(...stds) / Math.min(...stds),
  };
});

/** The probes as response-chart panels; the fake decisions follow the revised rule with a 1-point tolerance. */
export const galleryProbePanels: ProbePanelSeries[] = galleryProbes.map((p) => {
  const c = p.afterCorrect;
  const i = p.afterIncorrect;
  const correctChange = (c[5] ?? 0) - (c[0] ?? 0);
  const incorrectChange = (i[5] ?? 0) - (i[0] ?? 0);
  const pass = correctChange >= -0.01 && (c[5] ?? 0) >= (i[5] ?? 0) - 0.01;
  return {
    ...p,
    decision: {
      pass,
      correctChange,
      incorrectChange,
      reason: pass
        ? `after 5 correct answers it moves ${(correctChange * 100).toFixed(1)} points`
        : 'after 5 correct answers it ends below where 5 incorrect answers leave it',
    },
  };
});

/** Spread as dot-plot rows. */
export const gallerySpreadDots = (series: UserSpreadSeries[]): UserDotSeries[] =>
  series.map((s) => ({
    id: s.id,
    label: s.label,
    values: s.perUser.map((u) => ({ userId: u.userId, value: u.std })),
    footer: s.varianceRatio === null ? 'ratio ∞ ✗ > 3' : `ratio ${s.varianceRatio.toFixed(1)}×`,
    footerWarn: s.varianceRatio === null || s.varianceRatio > 3,
  }));

/** Log-spaced time bins (seconds); the fake time heads range from flat (everything in one bin) to close. */
const TIME_EDGES = [5, 10, 20, 40, 80];
const TIME_SPREAD = [0, 0.35, 0.6, 0.75, 0.7, 0.65];

export const galleryTimeScatter: TimeScatterSeries[] = GALLERY_STRATEGIES.slice(0, 3).map((s, i) => {
  const bins = TIME_EDGES.length + 1;
  const fit = TIME_SPREAD[i] ?? 0.5;
  const counts = Array.from({ length: bins }, (_, a) =>
    Array.from({ length: bins }, (_, p) => {
      const predicted = Math.round(2 + fit * (a - 2));
      const d = Math.abs(p - predicted);
      return d > 1 ? 0 : Math.round((d === 0 ? 40 : 12) * (1 + 0.4 * noise(a * bins + p, i + 3)));
    }),
  );
  const n = counts.flat().reduce((sum, c) => sum + c, 0);
  return {
    ...s,
    edgesSeconds: TIME_EDGES,
    counts,
    n,
    maeSeconds: 30 - 14 * fit,
    medianAbsErrorSeconds: 18 - 9 * fit,
    nearDiagonalShare: 0.5 + 0.5 * fit,
  };
});
