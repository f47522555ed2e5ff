import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.1087, 0.1866, 0.1909, 0.2071, 0.2568, 0.2723, 0.2729, 0.2766, 0.2774, 0.2884, 0.2924, 0.2934, 0.2966, 0.2979, 0.367, 0.4768, 0.533, 0.6304, 0.7457, 0.8586, 0.9793, 1],
  y: [
    0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1766, 0.1946, 0.1946, 0.2463, 0.4295,
  ],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.4123, 0.5141, 0.8438, 0.9872, 0.9955, 0.999, 0.9999, 1],
  y: [0.5906, 0.693, 0.693, 0.7953, 0.7953, 0.8309, 0.8772, 0.9309],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 22 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.2921, 0.3533, 0.4717],
  y: [0.2091, 0.4182, 0.8531],
  fittedOn: "isotonic regression of precedent similarity on the 22 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
