import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.2468, 0.4516, 0.8027, 0.9879, 0.9988, 0.9999, 1],
  y: [0.0539, 0.1344, 0.1592, 0.3327, 0.4706, 0.4748, 0.5241],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.4407, 0.7325, 0.9426, 0.9943, 0.9999, 1],
  y: [0.4855, 0.4921, 0.6522, 0.804, 0.8792, 0.9629],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.3012, 0.4654],
  y: [0.3472, 0.7604],
  fittedOn: "isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
