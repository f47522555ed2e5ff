import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.1077, 0.1909, 0.207, 0.2575, 0.2725, 0.2729, 0.2766, 0.2774, 0.2884, 0.2924, 0.2934, 0.2958, 0.2972, 0.4706, 0.6418, 0.7544, 0.82, 0.9099, 0.9595, 0.9901, 1],
  y: [0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1744, 0.1809, 0.1957, 0.2511, 0.2631, 0.4219],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.2523, 0.2625, 0.3859, 0.6795, 0.9393, 0.9604, 0.9688, 0.9891, 0.9989, 0.9999, 1],
  y: [0.6075, 0.6075, 0.7056, 0.7056, 0.7111, 0.7645, 0.8318, 0.8318, 0.8318, 0.9411, 0.9573],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 22 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.2921, 0.3533, 0.4717],
  y: [0.2091, 0.4182, 0.8531],
  fittedOn: "isotonic regression of precedent similarity on the 22 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
