// The three duty columns of a US HTS line: printed text, effective text and a reading of each.
import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import type { Lookup, RateCell, SpecialCell } from "../api.ts";
import { type MessageKey, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { type TariffContext, tariffHref } from "./links.ts";
import { describeRate } from "./rates.ts";

type Rates = NonNullable<Lookup["rates"]>;

/** General, special and column 2 rates as a table. */
export function RatesTable({ rates, context }: { rates: Rates; context: TariffContext }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        fz="sm"
        data-testid="tariff-rates"
        className="cw-rates"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t("rates.column")}</Table.Th>
            <Table.Th w="24%">{t("rates.printed")}</Table.Th>
            <Table.Th w="26%">{t("rates.effective")}</Table.Th>
            <Table.Th>{t("rates.reading")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <RateRow name="general" cell={rates.general} context={context}>
            <Text size="sm">{describeRate(rates.general.parsed, i18n)}</Text>
          </RateRow>
          <RateRow name="special" cell={rates.special} context={context}>
            <SpecialReading cell={rates.special} />
          </RateRow>
          <RateRow name="column2" cell={rates.column2} context={context}>
            <Text size="sm">{describeRate(rates.column2.parsed, i18n)}</Text>
          </RateRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type RowProps = {
  name: "general" | "special" | "column2";
  cell: RateCell | SpecialCell;
  context: TariffContext;
  children: ReactNode;
};

/** One duty column: its name, the printed and effective text, and the reading. */
function RateRow({ name, cell, context, children }: RowProps) {
  const { t } = useI18n();
  return (
    <Table.Tr data-testid={`rate-${name}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {t(`rates.${name}` as MessageKey)}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`rates.${name}.hint` as MessageKey)}
        </Text>
      </Table.Td>
      <Table.Td className="cw-rate-text">
        {cell.raw ? (
          <BreakableText text={cell.raw} />
        ) : (
          <Text span size="sm" c="dimmed" ff="text">
            {t("common.blank")}
          </Text>
        )}
      </Table.Td>
      <Table.Td className="cw-rate-text">
        {cell.effectiveRaw ? (
          <BreakableText text={cell.effectiveRaw} />
        ) : (
          <Text span size="sm" c="dimmed" ff="text">
            {t("common.blank")}
          </Text>
        )}
        {cell.inheritedFrom && cell.effectiveRaw && (
          <Group gap={4} mt={2} wrap="nowrap" c="dimmed" ff="text" data-testid={`rate-${name}-inherited`}>
            <Icon name="inherited" size={13} />
            <Text size="xs">
              {t("rates.inheritedFrom", { code: "" })}
              <Anchor component={Link} to={tariffHref(cell.inheritedFrom, context)} size="xs" className="cw-code">
                {cell.inheritedFrom}
              </Anchor>
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Rate text that may wrap after its commas (long program lists) but not inside a symbol. */
function BreakableText({ text }: { text: string }) {
  const parts = text.split(",");
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed string never reorder
    <span key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          ,<wbr />
        </>
      )}
    </span>
  ));
}

/** The special column, one line per rate with the programs that grant it. */
function SpecialReading({ cell }: { cell: SpecialCell }) {
  const i18n = useI18n();
  const { parsed } = cell;
  if (parsed.status === "unparsed") {
    return (
      <Text size="sm">{i18n.t("rate.withDetail", { kind: i18n.t("rate.unparsed"), detail: parsed.reason ?? "" })}</Text>
    );
  }
  if (parsed.groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {i18n.t("rate.noGroups")}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {parsed.groups.map((group) => (
        <div key={`${group.rate.raw}-${group.programs.join(",")}`}>
          <Text size="sm">{describeRate(group.rate, i18n)}</Text>
          {group.programs.length > 0 && (
            <Group gap={3} mt={2} aria-label={i18n.t("rates.programs")}>
              {group.programs.map((program) => (
                <ProgramBadge key={program} program={program} />
              ))}
            </Group>
          )}
        </div>
      ))}
    </Stack>
  );
}

// Special-program indicators from the HTSUS General Notes, so the bare symbols are readable.
const programNames: Record<string, string> = {
  A: "GSP",
  "A*": "GSP (some countries excluded)",
  "A+": "GSP (least-developed countries only)",
  AU: "US–Australia FTA",
  B: "Automotive Products Trade Act",
  BH: "US–Bahrain FTA",
  C: "Agreement on Trade in Civil Aircraft",
  CA: "NAFTA (Canada)",
  CL: "US–Chile FTA",
  CO: "US–Colombia TPA",
  D: "African Growth and Opportunity Act",
  E: "Caribbean Basin Economic Recovery Act",
  "E*": "CBERA (some countries excluded)",
  IL: "US–Israel FTA",
  J: "Andean Trade Preference Act",
  "J*": "ATPA (some countries excluded)",
  "J+": "ATPDEA",
  JO: "US–Jordan FTA",
  JP: "US–Japan Trade Agreement",
  K: "Pharmaceutical products agreement",
  KR: "US–Korea FTA",
  L: "Uruguay Round concessions on intermediate chemicals for dyes",
  MA: "US–Morocco FTA",
  MX: "NAFTA (Mexico)",
  NP: "Nepal Preference Program",
  OM: "US–Oman FTA",
  P: "CAFTA–DR",
  PA: "US–Panama TPA",
  PE: "US–Peru TPA",
  R: "Caribbean Basin Trade Partnership Act",
  S: "USMCA",
  "S+": "USMCA (some goods)",
  SG: "US–Singapore FTA",
};

/** A program symbol with its name on hover. */
function ProgramBadge({ program }: { program: string }) {
  const badge = (
    <Badge size="xs" variant="default" tt="none" className="cw-program">
      {program}
    </Badge>
  );
  const name = programNames[program];
  return name ? (
    <Tooltip label={name} withArrow openDelay={200}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
