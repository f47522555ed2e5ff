import { describe, expect, it } from "vitest";
import { applyCalibration, fitIsotonic } from "./calibrate-confidence.ts";
import { DEFAULT_CALIBRATION } from "./default-calibration.ts";
import { reliability, splitFolds, wilsonInterval } from "./measure-accuracy.ts";

/** A deterministic pseudo-random sequence, so the property test is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("isotonic calibration", () => {
  it("pools adjacent violators into one block at their mean", () => {
    const map = fitIsotonic(
      [
        { score: 0.1, correct: false },
        { score: 0.2, correct: true },
        { score: 0.3, correct: false },
        { score: 0.9, correct: true },
      ],
      "test",
      1,
    );
    // 0.2 (right) and 0.3 (wrong) violate the order and pool into one block at score 0.25.
    expect(map.x).toEqual([0.1, 0.25, 0.9]);
    expect(map.y[0]).toBeLessThan(map.y[1] as number);
    expect(map.y[1]).toBeLessThan(map.y[2] as number);
  });

  it("is monotone: a higher raw score never gets a lower calibrated confidence", () => {
    const next = random(7);
    const points = Array.from({ length: 500 }, () => {
      const score = next();
      return { score, correct: next() < score * score };
    });
    const map = fitIsotonic(points, "test");
    for (let i = 1; i < map.y.length; i++) expect(map.y[i]).toBeGreaterThanOrEqual(map.y[i - 1] as number);
    let previous = -1;
    for (let s = 0; s <= 1.0001; s += 0.01) {
      const c = applyCalibration(map, s);
      expect(c).toBeGreaterThanOrEqual(previous);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      previous = c;
    }
  });

  it("ships a fitted map that is monotone and says what it was fitted on", () => {
    const { x, y, fittedOn } = DEFAULT_CALIBRATION;
    expect(fittedOn).toMatch(/CBP/);
    expect(x.length).toBe(y.length);
    for (let i = 1; i < x.length; i++) {
      expect(x[i]).toBeGreaterThan(x[i - 1] as number);
      expect(y[i]).toBeGreaterThanOrEqual(y[i - 1] as number);
    }
  });

  it("does not let a lone right answer at a low score flatten the curve above it", () => {
    const points = [
      { score: 0.05, correct: true },
      ...Array.from({ length: 40 }, (_, i) => ({ score: 0.1 + i * 0.01, correct: i % 10 === 0 })),
      ...Array.from({ length: 40 }, (_, i) => ({ score: 0.6 + i * 0.01, correct: i % 10 !== 0 })),
    ];
    const map = fitIsotonic(points, "test");
    expect(applyCalibration(map, 0.8)).toBeGreaterThan(applyCalibration(map, 0.2) + 0.4);
  });

  it("matches the observed rate where the data is plentiful", () => {
    const next = random(11);
    const points = Array.from({ length: 4000 }, () => ({ score: next() < 0.5 ? 0.2 : 0.8, correct: false })).map((p) => ({
      ...p,
      correct: next() < (p.score === 0.2 ? 0.1 : 0.7),
    }));
    const map = fitIsotonic(points, "test");
    expect(applyCalibration(map, 0.2)).toBeCloseTo(0.1, 1);
    expect(applyCalibration(map, 0.8)).toBeCloseTo(0.7, 1);
    expect(applyCalibration(map, 0.5)).toBeCloseTo(0.4, 1);
  });
});

describe("measurement helpers", () => {
  it("gives the Wilson interval, asymmetric near 0", () => {
    const w = wilsonInterval(0, 10);
    expect(w.low).toBe(0);
    expect(w.high).toBeCloseTo(0.2775, 3);
    const half = wilsonInterval(150, 300);
    expect(half.low).toBeCloseTo(0.4437, 3);
    expect(half.high).toBeCloseTo(0.5563, 3);
  });

  it("splits folds so that no item is ever in its own training set, and every item is tested once", () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const folds = splitFolds(items, 5);
    expect(folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual(items);
    for (const { train, test } of folds) {
      for (const item of test) expect(train).not.toContain(item);
      expect(train.length + test.length).toBe(items.length);
    }
  });

  it("reports reliability per bucket and a zero calibration error for a perfect forecaster", () => {
    const points = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.1, correct: i === 0 })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.9, correct: i !== 0 })),
    ];
    const r = reliability(points);
    expect(r.buckets[0]).toMatchObject({ n: 10, accuracy: 0.1 });
    expect(r.buckets[4]).toMatchObject({ n: 10, accuracy: 0.9 });
    expect(r.ece).toBeCloseTo(0, 6);
  });
});
