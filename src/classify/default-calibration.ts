import type { CalibrationMap } from "./calibrate-confidence.ts";

/** The shipped calibration (raw top-1 HS6 share → probability right), isotonic regression on the 300 CBP development rulings, full and first-sentence (600 points; bench/classify.bench.ts --write-calibration); the bench reports its out-of-fold reliability. */
export const DEFAULT_CALIBRATION: CalibrationMap = {
  x: [
    0.0863, 0.09, 0.0942, 0.0985, 0.1033, 0.1126, 0.114, 0.1156, 0.1168, 0.1222, 0.1225, 0.1256, 0.129, 0.1294, 0.1305, 0.1329, 0.1334, 0.1341, 0.1388, 0.1396, 0.1467, 0.148,
    0.1498, 0.1897, 0.2704, 0.352, 0.5327, 0.7558, 0.8834, 0.9739, 0.9929, 0.9979, 0.9991, 1,
  ],
  y: [
    0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944, 0.0944,
    0.0944, 0.0944, 0.0944, 0.0944, 0.1101, 0.1175, 0.1376, 0.1496, 0.2856, 0.2856, 0.3451, 0.4052,
  ],
  fittedOn: "isotonic regression on the 300 CBP development rulings, full and first-sentence (600 points; bench/classify.bench.ts --write-calibration)",
};

/** Until the bench fits it: a precedent's similarity taken at face value. */
export const DEFAULT_PRECEDENT_CALIBRATION: CalibrationMap = { x: [0, 1], y: [0, 1], fittedOn: "identity (not fitted yet)" };
