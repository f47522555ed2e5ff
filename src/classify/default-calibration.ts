import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.4157, 0.5961, 0.7436, 0.8832, 0.931, 0.9734, 0.9976, 1],
  y: [0.217, 0.2702, 0.2795, 0.3286, 0.3286, 0.4034, 0.412, 0.6402],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles and calibration listings placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.5668, 0.7188, 0.8941, 0.9932, 0.9998, 1],
  y: [0.6564, 0.6564, 0.823, 0.823, 0.8292, 0.9718],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv and the listings of marketplace-listings-calibration.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.309, 0.4689],
  y: [0.4444, 0.8333],
  fittedOn: "isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
