// The certificates and licences linked to a product, with their status today.
import { Anchor, Table, Text } from "@mantine/core";
import type { ProductCertificate } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { CertificateStatusBadge, certificateTypeName } from "./CertificateBadges.tsx";
import { certificateState } from "./format.ts";

/** One row per linked certificate: type, number, issuer, validity, status. */
export function ProductCertificates({ certificates }: { certificates: ProductCertificate[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!certificates.length) {
    return (
      <Text size="sm" c="dimmed" data-testid="product-certificates-empty">
        {t("product.noCertificates")}{" "}
        <Anchor component={Link} to="/catalog/certificates" size="sm">
          {t("product.certificatesLink")}
        </Anchor>
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing={6} fz="sm" data-testid="product-certificates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("certs.col.type")}</Table.Th>
            <Table.Th>{t("certs.col.number")}</Table.Th>
            <Table.Th>{t("certs.col.issuer")}</Table.Th>
            <Table.Th>{t("certs.col.validTo")}</Table.Th>
            <Table.Th>{t("certs.col.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((certificate) => {
            const state = certificateState(certificate.validFrom, certificate.validTo);
            return (
              <Table.Tr key={certificate.id} data-testid="product-certificate-row">
                <Table.Td>{certificateTypeName(i18n, certificate.type)}</Table.Td>
                <Table.Td className="cw-code">{certificate.number}</Table.Td>
                <Table.Td>{certificate.issuer ?? "—"}</Table.Td>
                <Table.Td className="cw-num">{certificate.validTo ?? "—"}</Table.Td>
                <Table.Td>
                  <CertificateStatusBadge status={state.status} daysLeft={state.daysLeft} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
