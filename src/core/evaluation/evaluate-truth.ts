/**
 * The "Simulator truth" reference row: when the loaded file is one of the lab's own simulations
 * (recognised by regenerating it: identify-simulation), the simulator's P(correct) is evaluated exactly
 * like a strategy — held-out scores, response probe, generalisation sweep, verdicts. Real data: none.
 */
import { identifySimulation, type DatasetIdentity } from '../simulation/identify-simulation';
import { simulatorTruth } from '../simulation/simulator-truth';
import { evaluatePredictor, type EvaluationData, type PredictorEvaluation } from './evaluate-strategy';

/** The simulator's truth, evaluated like a strategy, and which simulation it is. */
export interface TruthEvaluation extends PredictorEvaluation {
  simulation: { name: string; seed: number };
}

/** The truth row for this dataset, or undefined when it is not a known simulation (never pretended). */
export async function evaluateTruth(
  identity: DatasetIdentity,
  data: EvaluationData,
): Promise<TruthEvaluation | undefined> {
  const simulation = await identifySimulation(identity);
  if (!simulation) return undefined;
  const evaluation = await evaluatePredictor(simulatorTruth(simulation), data);
  return { ...evaluation, simulation: { name: simulation.name, seed: simulation.seed } };
}
