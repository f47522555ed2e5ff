// The EN / 中文 toggle, in the header and on the sign-in page.
import { SegmentedControl } from "@mantine/core";
import { setLang, useI18n } from "../i18n.ts";

/** EN / 中文 toggle; the choice persists across reloads. */
export function LanguageSwitch() {
  const { lang, t } = useI18n();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t("app.langSwitch")}
      size="xs"
      value={lang}
      onChange={(value) => setLang(value === "zh" ? "zh" : "en")}
      data={[
        { value: "en", label: "EN" },
        { value: "zh", label: "中文" },
      ]}
    />
  );
}
