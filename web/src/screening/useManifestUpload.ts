// The upload's state: the chosen lane, file and options, the transfer's progress, then the run's progress until it is done.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, type Lane, type ManifestUpload, type ScreeningRun, uploadManifest } from "../api.ts";
import { isLane } from "./format.ts";
import { asApiError, waitForRun } from "./useRun.ts";

/** The largest upload the server takes (1 GB), checked before sending. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;

const LANE_KEY = "clearway.screening.lane";

/** What the upload is doing: nothing, sending the file, waiting while the server screens it, or following a background run. */
export type UploadStage = "idle" | "sending" | "screening" | "following";

/** Everything the upload area shows, and its actions. */
export type ManifestUploadState = {
  lane: Lane;
  file: File | null;
  mappingName: string;
  background: boolean;
  stage: UploadStage;
  /** Percentage of the file sent, while sending. */
  sentPercent: number;
  /** The background run, as last polled. */
  run: ScreeningRun | null;
  error: ApiError | null;
  /** A run that ended failed (its error is in `error`). */
  failedRun: ScreeningRun | null;
  setLane: (lane: Lane) => void;
  choose: (file: File) => void;
  setMappingName: (name: string) => void;
  setBackground: (background: boolean) => void;
  submit: () => void;
  cancel: () => void;
};

function storedLane(): Lane {
  try {
    const stored = window.localStorage.getItem(LANE_KEY);
    if (isLane(stored)) return stored;
  } catch {
    // Storage may be disabled; the default lane applies.
  }
  return "cn-export";
}

/** The upload's state; `onDone` receives the finished run (the page then opens it). */
export function useManifestUpload(onDone: (run: ScreeningRun) => void): ManifestUploadState {
  const [lane, setLaneState] = useState<Lane>(storedLane);
  const [file, setFile] = useState<File | null>(null);
  const [mappingName, setMappingName] = useState("");
  const [background, setBackground] = useState(false);
  const [stage, setStage] = useState<UploadStage>("idle");
  const [sentPercent, setSentPercent] = useState(0);
  const [run, setRun] = useState<ScreeningRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [failedRun, setFailedRun] = useState<ScreeningRun | null>(null);
  const upload = useRef<ManifestUpload | null>(null);
  const polling = useRef<AbortController | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(
    () => () => {
      upload.current?.abort();
      polling.current?.abort();
    },
    [],
  );

  const setLane = (next: Lane) => {
    setLaneState(next);
    try {
      window.localStorage.setItem(LANE_KEY, next);
    } catch {
      // Not remembering the lane is acceptable.
    }
  };

  const choose = (chosen: File) => {
    setFile(chosen);
    setFailedRun(null);
    setError(chosen.size > MAX_UPLOAD_BYTES ? new ApiError(413, "IMPORT_TOO_LARGE", `${chosen.name} is larger than 1 GB.`) : null);
  };

  const finish = useCallback((finished: ScreeningRun) => {
    if (finished.status === "done") {
      onDoneRef.current(finished);
      return;
    }
    setStage("idle");
    setFailedRun(finished);
    setError(new ApiError(422, "SCREENING_FAILED", finished.error ?? "The screening failed."));
  }, []);

  const submit = () => {
    if (!file || stage !== "idle" || file.size > MAX_UPLOAD_BYTES) return;
    setError(null);
    setFailedRun(null);
    setRun(null);
    setSentPercent(0);
    setStage("sending");
    const started = uploadManifest(file, { lane, mappingName: mappingName || undefined, background }, (sent, total) => {
      const percent = total > 0 ? Math.round((sent / total) * 100) : 100;
      setSentPercent(percent);
      if (sent >= total) setStage("screening");
    });
    upload.current = started;
    started.done.then(
      ({ run: answered }) => {
        upload.current = null;
        if (answered.status !== "running") return finish(answered);
        setRun(answered);
        setStage("following");
        const controller = new AbortController();
        polling.current = controller;
        waitForRun(answered.id, setRun, controller.signal).then(finish, (caught: unknown) => {
          if (controller.signal.aborted) return;
          setStage("idle");
          setError(asApiError(caught));
        });
      },
      (caught: unknown) => {
        upload.current = null;
        setStage("idle");
        const apiError = asApiError(caught);
        if (apiError.code !== "ABORTED") setError(apiError);
      },
    );
  };

  const cancel = () => {
    upload.current?.abort();
    polling.current?.abort();
    setStage("idle");
  };

  return { lane, file, mappingName, background, stage, sentPercent, run, error, failedRun, setLane, choose, setMappingName, setBackground, submit, cancel };
}
