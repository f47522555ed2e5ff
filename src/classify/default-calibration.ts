import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.1087, 0.1516, 0.3624, 0.589, 0.8442, 0.9721, 0.9956, 0.9986, 0.9999, 1],
  y: [0.155, 0.155, 0.155, 0.155, 0.1924, 0.2016, 0.2093, 0.2627, 0.315, 0.3907],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.379, 0.3793, 0.3812, 0.8388, 0.9946, 0.999, 0.9996, 0.9999, 1],
  y: [0.5455, 0.5455, 0.5455, 0.5455, 0.5455, 0.7273, 0.7273, 0.8182, 0.9242],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.2883, 0.3543, 0.4723],
  y: [0.2569, 0.4167, 0.8526],
  fittedOn: "isotonic regression of precedent similarity on the 24 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
