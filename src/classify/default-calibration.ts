import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.1168, 0.175, 0.1788, 0.3576, 0.6005, 0.7744, 0.8883, 0.9737, 0.9978, 0.9999, 1],
  y: [0.1573, 0.1573, 0.1573, 0.1573, 0.159, 0.1766, 0.1766, 0.2118, 0.3082, 0.3156, 0.3847],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.3524, 0.3776, 0.3807, 0.4846, 0.8576, 0.9957, 0.9996, 0.9999, 1],
  y: [0.5432, 0.5432, 0.5432, 0.5432, 0.5432, 0.5432, 0.7104, 0.8025, 0.9288],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.2883, 0.3543, 0.4723],
  y: [0.2569, 0.4167, 0.8526],
  fittedOn: "isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
