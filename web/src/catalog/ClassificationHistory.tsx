// Every classification decision of a product, newest first: the record of who decided what, and why.
import { Anchor, Table, Text } from "@mantine/core";
import type { Classification } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { marketName, StatusBadge } from "./ClassificationBadge.tsx";
import { classificationCode, tariffLinkFor } from "./format.ts";

/** The full history as a table, or a line saying there is none. */
export function ClassificationHistory({ history }: { history: Classification[] }) {
  const { t, formatDateTime } = useI18n();
  if (!history.length) {
    return (
      <Text size="sm" c="dimmed">
        {t("classify.noHistory")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table verticalSpacing={6} fz="sm" data-testid="classification-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("classify.col.when")}</Table.Th>
            <Table.Th>{t("classify.col.market")}</Table.Th>
            <Table.Th>{t("classify.col.code")}</Table.Th>
            <Table.Th>{t("classify.col.status")}</Table.Th>
            <Table.Th>{t("classify.col.rationale")}</Table.Th>
            <Table.Th>{t("classify.col.by")}</Table.Th>
            <Table.Th>{t("classify.col.edition")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((decision) => {
            const code = classificationCode(decision);
            const link = code ? tariffLinkFor(decision.market, code) : null;
            return (
              <Table.Tr key={decision.id} className="cw-top" data-testid="classification-history-row">
                <Table.Td className="cw-nowrap">{formatDateTime(decision.decidedAt)}</Table.Td>
                <Table.Td>{marketName(t, decision.market)}</Table.Td>
                <Table.Td className="cw-code">
                  {code && link ? (
                    <Anchor component={Link} to={link} size="sm" className="cw-code">
                      {code}
                    </Anchor>
                  ) : (
                    (code ?? "—")
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={decision.status} />
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" className="cw-prewrap">
                    {decision.rationale ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>{decision.decidedBy ?? "—"}</Table.Td>
                <Table.Td className="cw-code">{decision.editionCode ?? "—"}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
