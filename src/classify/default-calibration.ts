import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.1087, 0.1866, 0.1909, 0.2071, 0.257, 0.2698, 0.2723, 0.2729, 0.2866, 0.289, 0.2929, 0.2934, 0.2966, 0.298, 0.4235, 0.586, 0.8409, 0.9793, 1],
  y: [0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1949, 0.2462, 0.4243],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.4123, 0.5144, 0.8452, 0.9906, 0.9992, 1],
  y: [0.5906, 0.693, 0.693, 0.7772, 0.7935, 0.9387],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 22 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.2921, 0.3533, 0.4718],
  y: [0.2091, 0.4182, 0.8531],
  fittedOn: "isotonic regression of precedent similarity on the 22 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
