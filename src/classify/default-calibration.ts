import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.4134, 0.5865, 0.6956, 0.8628, 0.9775, 0.9999],
  y: [0.2168, 0.2699, 0.2699, 0.2793, 0.3762, 0.6509],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.5918, 0.7573, 0.9236, 0.9937, 0.9998, 1],
  y: [0.74, 0.74, 0.8233, 0.8233, 0.8348, 0.9698],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.309, 0.4689],
  y: [0.4444, 0.8333],
  fittedOn: "isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
