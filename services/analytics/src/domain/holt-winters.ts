/**
 * Exponential smoothing for short quarterly counts (Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", ch. 8): additive Holt-Winters with a
 * season of 4 when there are two seasons of history or more, Holt's linear
 * trend with 3 to 7 points, the mean below that. Smoothing parameters are
 * chosen on a grid by the sum of squared one-step errors; prediction
 * intervals use the model's h-step variance; counts are never negative.
 */

export type ModelName = 'holt-winters-additive' | 'holt-linear' | 'mean';

export interface Fit {
  model: ModelName;
  alpha: number;
  beta: number;
  gamma: number;
  level: number;
  trend: number;
  /** The last `season` seasonal terms, oldest first. */
  seasonal: number[];
  /** Residual standard deviation of the one-step errors. */
  sigma: number;
  sse: number;
}

export interface ForecastPoint {
  step: number;
  value: number;
  lower: number;
  upper: number;
}

const GRID = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const SMALL_GRID = [0.01, 0.05, 0.1, 0.2, 0.3];
/** Normal quantiles by interval coverage. */
const Z: Record<string, number> = { '0.8': 1.2816, '0.9': 1.6449, '0.95': 1.96 };

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** One pass of the recursions; returns the final state and the one-step errors' SSE. */
function run(y: readonly number[], season: number, alpha: number, beta: number, gamma: number): Omit<Fit, 'model' | 'sigma'> {
  let level: number;
  let trend: number;
  let seasonal: number[];
  let start: number;
  if (season > 0) {
    // The first season's mean is the level at its middle: detrend the seasonal terms, and start at its end.
    const first = mean(y.slice(0, season));
    const middle = (season - 1) / 2;
    trend = (mean(y.slice(season, 2 * season)) - first) / season;
    level = first + middle * trend;
    seasonal = y.slice(0, season).map((v, i) => v - (first + (i - middle) * trend));
    start = season;
  } else {
    level = y[0] ?? 0;
    trend = (y[1] ?? level) - level;
    seasonal = [];
    start = 1;
  }
  let sse = 0;
  for (let t = start; t < y.length; t += 1) {
    const s = season > 0 ? (seasonal[t % season] ?? 0) : 0;
    const observed = y[t] ?? 0;
    const error = observed - (level + trend + s);
    sse += error * error;
    const previousLevel = level;
    level = alpha * (observed - s) + (1 - alpha) * (level + trend);
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
    if (season > 0) seasonal[t % season] = gamma * (observed - previousLevel - trend) + (1 - gamma) * s;
  }
  // Rotate so that seasonal[0] is the term of the next period.
  const rotated = season > 0 ? seasonal.map((_, i) => seasonal[(y.length + i) % season] ?? 0) : [];
  return { alpha, beta, gamma, level, trend, seasonal: rotated, sse };
}

/** Fits the model the history allows, with the grid's best parameters. */
export function fit(y: readonly number[], season = 4): Fit {
  if (y.length < 3) {
    const m = mean(y);
    const sigma = y.length > 1 ? Math.sqrt(y.reduce((a, v) => a + (v - m) ** 2, 0) / (y.length - 1)) : Math.max(1, Math.sqrt(m));
    return { model: 'mean', alpha: 0, beta: 0, gamma: 0, level: m, trend: 0, seasonal: [], sigma, sse: 0 };
  }
  const seasonal = y.length >= 2 * season;
  const m = seasonal ? season : 0;
  let best: Omit<Fit, 'model' | 'sigma'> | undefined;
  for (const alpha of GRID) {
    for (const beta of SMALL_GRID) {
      for (const gamma of seasonal ? SMALL_GRID : [0]) {
        const candidate = run(y, m, alpha, beta, gamma);
        if (!best || candidate.sse < best.sse) best = candidate;
      }
    }
  }
  const chosen = best ?? run(y, m, 0.5, 0.1, 0.1);
  const errors = y.length - (seasonal ? season : 1);
  const parameters = seasonal ? 3 : 2;
  const sigma = Math.sqrt(chosen.sse / Math.max(1, errors - parameters));
  return { ...chosen, model: seasonal ? 'holt-winters-additive' : 'holt-linear', sigma };
}

/** The next `horizon` periods with intervals of the given coverage (0.8, 0.9 or 0.95). */
export function forecastFrom(model: Fit, horizon: number, coverage = 0.8): ForecastPoint[] {
  const z = Z[String(coverage)] ?? 1.2816;
  const season = model.seasonal.length;
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h += 1) {
    const s = season > 0 ? (model.seasonal[(h - 1) % season] ?? 0) : 0;
    const value = Math.max(0, model.level + h * model.trend + s);
    let variance = 1;
    if (model.model !== 'mean') {
      for (let j = 1; j < h; j += 1) {
        const seasonalTerm = season > 0 && j % season === 0 ? model.gamma : 0;
        variance += (model.alpha * (1 + j * model.beta) + seasonalTerm) ** 2;
      }
    }
    const half = z * model.sigma * Math.sqrt(variance);
    points.push({ step: h, value, lower: Math.max(0, value - half), upper: value + half });
  }
  return points;
}

export interface Backtest {
  holdout: number;
  mape: number | null;
  smape: number | null;
}

/** Accuracy on the last quarters held out: fitted on the rest, forecast, compared. */
export function backtest(y: readonly number[], season = 4, maxHoldout = 4): Backtest {
  const holdout = y.length >= 6 ? Math.min(maxHoldout, y.length - 4) : 0;
  if (holdout === 0) return { holdout: 0, mape: null, smape: null };
  const train = y.slice(0, y.length - holdout);
  const actual = y.slice(y.length - holdout);
  const predicted = forecastFrom(fit(train, season), holdout).map((p) => p.value);
  return { holdout, ...errors(actual, predicted) };
}

/** MAPE (actual zeros skipped) and sMAPE (pairs of zeros skipped), as fractions. */
export function errors(actual: readonly number[], predicted: readonly number[]): { mape: number | null; smape: number | null } {
  const ape: number[] = [];
  const sape: number[] = [];
  actual.forEach((a, i) => {
    const f = predicted[i] ?? 0;
    if (a !== 0) ape.push(Math.abs(f - a) / Math.abs(a));
    if (a !== 0 || f !== 0) sape.push((2 * Math.abs(f - a)) / (Math.abs(a) + Math.abs(f)));
  });
  return { mape: ape.length === 0 ? null : mean(ape), smape: sape.length === 0 ? null : mean(sape) };
}
