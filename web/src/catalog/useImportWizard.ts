// The import wizard's state: the chosen file's bytes, the column overrides, the market of bare HS codes, the dry run's report, and the final import.
import { useCallback, useRef, useState } from "react";
import { ApiError, type ImportMarket, type ImportReport, importProducts } from "../api.ts";

/** The largest file the server takes (SHEET_LIMITS.maxBytes), checked before uploading. */
export const MAX_IMPORT_MB = 100;

/** The markets the wizard offers for a bare 10-digit HS code column, the default first. */
export const IMPORT_MARKETS: readonly ImportMarket[] = ["us", "cn"];

/** What the wizard is doing right now. */
export type ImportStage = "idle" | "reading" | "checking" | "importing";

/** The chosen file, read into memory so the dry run can be repeated with other mappings. */
export type ChosenFile = { name: string; size: number; bytes: ArrayBuffer };

/** Everything the wizard shows. */
export type ImportWizard = {
  stage: ImportStage;
  /** Percentage of the file read so far, while reading. */
  readPercent: number;
  file: ChosenFile | null;
  overrides: Record<string, string>;
  /** Whose a bare 10-digit code in the HS code column is: checked against that market, recorded under it. */
  market: ImportMarket;
  /** The last dry run's report. */
  preview: ImportReport | null;
  /** A file-level refusal (unreadable, missing columns, too large) or a failed request. */
  error: ApiError | null;
  /** The report of the import that was committed. */
  result: ImportReport | null;
  choose: (file: File) => void;
  setOverrides: (overrides: Record<string, string>) => void;
  setMarket: (market: ImportMarket) => void;
  commit: (validOnly: boolean) => void;
  reset: () => void;
};

/** Reads a File into an ArrayBuffer, reporting progress. */
function readFile(file: File, onProgress: (percent: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", caught instanceof Error ? caught.message : String(caught)));

/** The wizard's state and actions; every new dry run cancels the one before it. */
export function useImportWizard(): ImportWizard {
  const [stage, setStage] = useState<ImportStage>("idle");
  const [readPercent, setReadPercent] = useState(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [overrides, setOverridesState] = useState<Record<string, string>>({});
  const [market, setMarketState] = useState<ImportMarket>("us");
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const running = useRef<AbortController | null>(null);

  const check = useCallback(async (chosen: ChosenFile, mapping: Record<string, string>, codeMarket: ImportMarket) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStage("checking");
    setError(null);
    try {
      const report = await importProducts(chosen.bytes, { fileName: chosen.name, dryRun: true, mapping, market: codeMarket }, controller.signal);
      if (controller.signal.aborted) return;
      setPreview(report);
    } catch (caught) {
      if (controller.signal.aborted) return;
      setPreview(null);
      setError(asApiError(caught));
    }
    setStage("idle");
  }, []);

  const choose = useCallback(
    async (chosenFile: File) => {
      running.current?.abort();
      setResult(null);
      setPreview(null);
      setError(null);
      setOverridesState({});
      setFile(null);
      if (chosenFile.size > MAX_IMPORT_MB * 1024 * 1024) {
        setFile({ name: chosenFile.name, size: chosenFile.size, bytes: new ArrayBuffer(0) });
        setError(new ApiError(413, "IMPORT_TOO_LARGE", `${chosenFile.name} is larger than ${MAX_IMPORT_MB} MB.`));
        return;
      }
      setStage("reading");
      setReadPercent(0);
      try {
        const bytes = await readFile(chosenFile, setReadPercent);
        const chosen = { name: chosenFile.name, size: chosenFile.size, bytes };
        setFile(chosen);
        await check(chosen, {}, market);
      } catch (caught) {
        setStage("idle");
        setError(new ApiError(0, "IMPORT_UNREADABLE", asApiError(caught).message));
      }
    },
    [check, market],
  );

  const setOverrides = (next: Record<string, string>) => {
    setOverridesState(next);
    if (file) void check(file, next, market);
  };

  const setMarket = (next: ImportMarket) => {
    setMarketState(next);
    if (file) void check(file, overrides, next);
  };

  const commit = async (validOnly: boolean) => {
    if (!file) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStage("importing");
    setError(null);
    try {
      const report = await importProducts(file.bytes, { fileName: file.name, dryRun: false, validOnly, mapping: overrides, market }, controller.signal);
      if (report.committed) setResult(report);
      else setPreview(report);
    } catch (caught) {
      if (!controller.signal.aborted) setError(asApiError(caught));
    }
    setStage("idle");
  };

  const reset = () => {
    running.current?.abort();
    setStage("idle");
    setFile(null);
    setOverridesState({});
    setPreview(null);
    setError(null);
    setResult(null);
  };

  return { stage, readPercent, file, overrides, market, preview, error, result, choose: (f) => void choose(f), setOverrides, setMarket, commit: (v) => void commit(v), reset };
}
