import { describe, expect, it } from 'vitest';
import { backtest, errors, fit, forecastFrom } from '../../src/domain/holt-winters.js';

const seasonal = (quarters: number, level = 100, slope = 5, amplitude = [20, -10, 15, -25]) =>
  Array.from({ length: quarters }, (_, t) => level + slope * t + (amplitude[t % 4] ?? 0));

describe('Holt-Winters forecaster', () => {
  it('reproduces an exact trend with seasonality: the forecast continues it, with a narrow band', () => {
    const y = seasonal(16);
    const model = fit(y);
    expect(model.model).toBe('holt-winters-additive');
    const next = forecastFrom(model, 4).map((p) => p.value);
    const expected = seasonal(20).slice(16);
    next.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? 0, 0));
    expect(model.sigma).toBeLessThan(1);
  });

  it("uses Holt's linear trend for 3 to 7 quarters and the mean below", () => {
    const trend = fit([10, 20, 30, 40, 50]);
    expect(trend.model).toBe('holt-linear');
    expect(forecastFrom(trend, 2).map((p) => Math.round(p.value))).toEqual([60, 70]);
    const mean = fit([4, 8]);
    expect(mean.model).toBe('mean');
    expect(forecastFrom(mean, 1)[0]?.value).toBe(6);
  });

  it('widens the prediction interval with the horizon and never goes below zero', () => {
    const noisy = [5, 0, 9, 1, 7, 0, 12, 2, 6, 1, 10, 0];
    const points = forecastFrom(fit(noisy), 4);
    const widths = points.map((p) => p.upper - p.lower);
    for (const p of points) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.value).toBeGreaterThanOrEqual(p.lower);
      expect(p.upper).toBeGreaterThanOrEqual(p.value);
    }
    expect(points[3]!.upper - points[3]!.value).toBeGreaterThan(points[0]!.upper - points[0]!.value);
    expect(widths.every((w) => w > 0)).toBe(true);
  });

  it('computes MAPE without zero actuals and sMAPE without pairs of zeros', () => {
    expect(errors([100, 200, 0], [110, 180, 5])).toEqual({ mape: (0.1 + 0.1) / 2, smape: (20 / 210 + 40 / 380 + 2) / 3 });
    expect(errors([0], [0])).toEqual({ mape: null, smape: null });
  });

  it('backtests on the last quarters held out: near zero error on a regular series, none on a short one', () => {
    const result = backtest(seasonal(16));
    expect(result.holdout).toBe(4);
    expect(result.mape).toBeLessThan(0.02);
    expect(backtest([1, 2, 3])).toEqual({ holdout: 0, mape: null, smape: null });
  });

  it('beats the naive last-value forecast on a seasonal series with noise', () => {
    const noise = [3, -2, 4, -1, 2, -3, 1, 0, -2, 3, -1, 2, 0, -3, 2, 1, -1, 2, -2, 3];
    const y = seasonal(20).map((v, i) => v + (noise[i] ?? 0));
    const hw = backtest(y);
    const train = y.slice(0, 16);
    const naive = errors(y.slice(16), Array(4).fill(train.at(-1)));
    expect(hw.mape).toBeLessThan(naive.mape ?? 0);
  });
});
