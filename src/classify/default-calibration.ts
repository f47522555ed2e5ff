import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration for long descriptions (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [0.1168, 0.1742, 0.1767, 0.1788, 0.1862, 0.1898, 0.2265, 0.2425, 0.2443, 0.2482, 0.2523, 0.255, 0.273, 0.2757, 0.2922, 0.4525, 0.66, 0.8479, 0.9821, 1],
  y: [0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1315, 0.1409, 0.1409, 0.1907, 0.3218],
  fittedOn:
    "isotonic regression on the 300 CBP development rulings' full descriptions and the marketplace titles placed without a knowledge-base family (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration for titles and short texts, isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_TITLE_CALIBRATION: CalibrationMap = {
  x: [0.3524, 0.3776, 0.3807, 0.4846, 0.8483, 0.9957, 0.9996, 0.9999, 1],
  y: [0.5414, 0.5414, 0.5414, 0.5414, 0.5414, 0.5414, 0.744, 0.802, 0.9291],
  fittedOn:
    "isotonic regression on the marketplace titles of bench/fixtures/marketplace-titles.csv whose top-1 a knowledge-base family supports (bench/classify.bench.ts --write-calibration)",
};

/** The shipped calibration of an agreeing precedent's similarity → probability right, isotonic regression of precedent similarity on the 16 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration). */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = {
  x: [0.262, 0.267, 0.276, 0.283, 0.294, 0.302, 0.432, 0.5, 0.509],
  y: [0.375, 0.375, 0.375, 0.375, 0.375, 0.375, 0.8125, 0.8125, 0.8125],
  fittedOn: "isotonic regression of precedent similarity on the 16 CBP rulings whose top-1 HS6 an out-of-fold CBP precedent supports (bench/classify.bench.ts --write-calibration)",
};
