// Mantine theme: compact spacing and a CJK-capable font stack.
import { createTheme } from "@mantine/core";

const sans = [
  "-apple-system",
  "BlinkMacSystemFont",
  "'Segoe UI'",
  "Roboto",
  "'Helvetica Neue'",
  "Arial",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Noto Sans SC'",
  "sans-serif",
].join(", ");

/** The console's Mantine theme. */
export const theme = createTheme({
  primaryColor: "blue",
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: "600" },
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  defaultRadius: "sm",
});
