// Whose a bare 10-digit code in the import's HS code column is: the United States (checked against the HTS) or China (checked by format).
import { Input, SegmentedControl } from "@mantine/core";
import type { ImportMarket } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { IMPORT_MARKETS } from "./useImportWizard.ts";

/** The market choice; a change re-runs the check. */
export function ImportMarketPicker({ value, onChange, disabled }: { value: ImportMarket; onChange: (market: ImportMarket) => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Input.Wrapper
      label={t("import.market")}
      description={t("import.marketHint")}
      inputWrapperOrder={["label", "input", "description"]}
      labelProps={{ id: "import-market-label" }}
      mb="md"
    >
      <SegmentedControl
        value={value}
        onChange={(next) => onChange(next as ImportMarket)}
        disabled={disabled}
        fullWidth
        mb={4}
        aria-labelledby="import-market-label"
        data={IMPORT_MARKETS.map((market) => ({ value: market, label: <span data-testid={`import-market-${market}`}>{t(`import.market.${market}`)}</span> }))}
        data-testid="import-market"
        data-value={value}
      />
    </Input.Wrapper>
  );
}
