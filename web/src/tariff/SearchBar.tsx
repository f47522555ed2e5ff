// Schedule selector and search box of the tariff browser.
import { ActionIcon, Button, Group, SegmentedControl, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { Schedule } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import type { TariffContext } from "./links.ts";

type Props = {
  context: TariffContext;
  onScheduleChange: (schedule: Schedule) => void;
  onSearch: (q: string) => void;
};

/** Searches on Enter or on the button; the URL holds the submitted query. */
export function SearchBar({ context, onScheduleChange, onSearch }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(context.q);

  // Back/forward and result links change the query in the URL: mirror it in the box.
  useEffect(() => setText(context.q), [context.q]);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Group gap="sm" wrap="wrap" align="center">
        <SegmentedControl
          data-testid="tariff-schedule"
          aria-label={t("tariff.schedule")}
          value={context.schedule}
          onChange={(value) => onScheduleChange(value === "hs" ? "hs" : "us_hts")}
          data={[
            { value: "us_hts", label: t("tariff.schedule.us_hts") },
            { value: "hs", label: t("tariff.schedule.hs") },
          ]}
        />
        <TextInput
          className="cw-search-input"
          data-testid="tariff-search-input"
          type="search"
          aria-label={t("tariff.searchButton")}
          placeholder={t("tariff.searchPlaceholder")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          leftSection={<Icon name="search" size={16} />}
          rightSection={
            text ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t("tariff.clearSearch")}
                onClick={() => {
                  setText("");
                  onSearch("");
                }}
              >
                <Icon name="close" size={14} />
              </ActionIcon>
            ) : null
          }
        />
        <Button type="submit" data-testid="tariff-search-submit">
          {t("tariff.searchButton")}
        </Button>
      </Group>
    </form>
  );
}
