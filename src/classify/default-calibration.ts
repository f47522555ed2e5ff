import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.2532, 0.5475, 0.769, 0.8256, 0.881, 0.9594, 0.9972, 0.9999],
  y: [0.0611, 0.1892, 0.2278, 0.2278, 0.2278, 0.286, 0.441, 0.5476],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.7121, 0.9925, 0.9999, 1],
  y: [0.6835, 0.8254, 0.8881, 0.9676],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 25 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.305, 0.4077, 0.5528],
  y: [0.35, 0.7667, 0.7667],
  fittedOn: "isotonic regression of precedent similarity on the 25 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
