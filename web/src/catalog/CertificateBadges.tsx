// Certificate types and statuses in the user's language.
import { Badge } from "@mantine/core";
import type { Certificate, CertificateType } from "../api.ts";
import { type I18n, type MessageKey, useI18n } from "../i18n.ts";
import { CERTIFICATE_COLOR, certificateStatusText } from "./format.ts";

/** Every certificate type the server takes, with its name key (the Record keeps this list in step with the server's type). */
const TYPE_NAMES: Record<CertificateType, MessageKey> = {
  fcc: "certType.fcc",
  ce: "certType.ce",
  un38_3: "certType.un38_3",
  msds: "certType.msds",
  certificate_of_origin: "certType.certificate_of_origin",
  ippc_fumigation: "certType.ippc_fumigation",
  cpc: "certType.cpc",
  cpsc: "certType.cpsc",
  ul: "certType.ul",
  fda_registration: "certType.fda_registration",
  import_licence: "certType.import_licence",
  export_licence: "certType.export_licence",
  other: "certType.other",
};

/** The certificate types, in the server's order. */
export const CERTIFICATE_TYPES = Object.keys(TYPE_NAMES) as CertificateType[];

/** The readable name of a certificate type. */
export function certificateTypeName({ t }: I18n, type: string): string {
  const key = TYPE_NAMES[type as CertificateType];
  return key ? t(key) : type;
}

/** A certificate's status as a coloured badge: valid, expires in N days, expired, not yet valid. */
export function CertificateStatusBadge({ status, daysLeft }: Pick<Certificate, "status" | "daysLeft">) {
  const i18n = useI18n();
  return (
    <Badge variant="light" color={CERTIFICATE_COLOR[status]} size="sm" tt="none" data-testid="certificate-status" data-status={status}>
      {certificateStatusText(i18n, status, daysLeft)}
    </Badge>
  );
}
