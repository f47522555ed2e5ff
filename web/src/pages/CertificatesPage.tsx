// Certificates and licences (`/catalog/certificates`): soonest expiry first, with status and linked products.
import { Badge, Button, Paper, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../admin/PageHeader.tsx";
import { type Certificate, fetchCertificates } from "../api.ts";
import { CatalogTabs } from "../catalog/CatalogTabs.tsx";
import { CertificateStatusBadge, certificateTypeName } from "../catalog/CertificateBadges.tsx";
import { CreateCertificateDialog } from "../catalog/CreateCertificateDialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useCan, useMe } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/catalog/certificates`. */
export function CertificatesPage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  useDocumentTitle(`${t("certs.title")} · Clearway`);
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useApi(`certificates/${reloads}`, fetchCertificates);
  const reload = () => setReloads((count) => count + 1);
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md" data-testid="certificates-page">
      <CatalogTabs pathname="/catalog/certificates" />
      <PageHeader title={t("certs.title")} intro={t("certs.intro", { tenant: me.tenant.name })}>
        {can("catalog.write") && (
          <Button leftSection={<Icon name="plus" size={15} />} onClick={() => setCreating(true)} data-testid="certificate-create">
            {t("certs.create")}
          </Button>
        )}
      </PageHeader>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {data && (
        <Paper withBorder className={loading ? "cw-stale" : undefined}>
          {data.certificates.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="certificates-empty">
              {t("certs.empty")}
            </Text>
          ) : (
            <CertificatesTable certificates={data.certificates} />
          )}
        </Paper>
      )}
      <CreateCertificateDialog opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
    </Stack>
  );
}

/** One row per certificate: status, type, number, issuer, validity, linked products and suppliers. */
function CertificatesTable({ certificates }: { certificates: Certificate[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Table.ScrollContainer minWidth={980} type="native">
      <Table verticalSpacing={7} fz="sm" highlightOnHover data-testid="certificates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("certs.col.status")}</Table.Th>
            <Table.Th>{t("certs.col.type")}</Table.Th>
            <Table.Th>{t("certs.col.number")}</Table.Th>
            <Table.Th>{t("certs.col.issuer")}</Table.Th>
            <Table.Th>{t("certs.col.validFrom")}</Table.Th>
            <Table.Th>{t("certs.col.validTo")}</Table.Th>
            <Table.Th ta="right">{t("certs.col.products")}</Table.Th>
            <Table.Th ta="right">{t("certs.col.suppliers")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((certificate) => (
            <Table.Tr key={certificate.id} data-testid="certificate-row" data-number={certificate.number} data-status={certificate.status} className="cw-top">
              <Table.Td>
                <CertificateStatusBadge status={certificate.status} daysLeft={certificate.daysLeft} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{certificateTypeName(i18n, certificate.type)}</Text>
                {certificate.notes && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {certificate.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="cw-code">{certificate.number}</Table.Td>
              <Table.Td>{certificate.issuer ?? "—"}</Table.Td>
              <Table.Td className="cw-num">{certificate.validFrom ?? "—"}</Table.Td>
              <Table.Td className="cw-num">{certificate.validTo ?? "—"}</Table.Td>
              <Table.Td ta="right">
                <LinkCount count={certificate.productIds.length} />
              </Table.Td>
              <Table.Td ta="right">
                <LinkCount count={certificate.supplierIds.length} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How many products or suppliers a certificate covers; a warning colour when none. */
function LinkCount({ count }: { count: number }) {
  const { t, formatNumber } = useI18n();
  if (count === 0) {
    return (
      <Tooltip label={t("certs.unlinked")} withArrow openDelay={300}>
        <Text span size="sm" c="dimmed">
          0
        </Text>
      </Tooltip>
    );
  }
  return (
    <Badge variant="light" color="gray" size="sm" className="cw-num">
      {formatNumber(count)}
    </Badge>
  );
}
