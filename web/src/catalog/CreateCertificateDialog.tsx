// Dialog that records a certificate or licence and links it to products and suppliers.
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError, type CertificateType, createCertificate, fetchSuppliers } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { useApi } from "../useApi.ts";
import { CERTIFICATE_TYPES, certificateTypeName } from "./CertificateBadges.tsx";
import { ProductPicker } from "./ProductPicker.tsx";

/** The dialog; `onCreated` runs after the server has recorded the certificate. */
export function CreateCertificateDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t("certs.createTitle")} size="lg" centered data-testid="certificate-create-dialog">
      {opened && (
        <CertificateForm
          onCancel={onClose}
          onCreated={() => {
            onCreated();
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

/** Type, number, issuer, validity, notes and links. */
function CertificateForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [type, setType] = useState<CertificateType | null>(null);
  const [number, setNumber] = useState("");
  const [issuer, setIssuer] = useState("");
  const [validFrom, setValidFrom] = useState("");
  const [validTo, setValidTo] = useState("");
  const [notes, setNotes] = useState("");
  const [productIds, setProductIds] = useState<string[]>([]);
  const [supplierIds, setSupplierIds] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const suppliers = useApi("suppliers", fetchSuppliers);
  const problems = {
    type: checked && !type ? t("certs.typeRequired") : undefined,
    number: checked && !number.trim() ? t("certs.numberRequired") : undefined,
    validTo: validFrom && validTo && validTo < validFrom ? t("certs.datesOrder") : undefined,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!type || !number.trim() || problems.validTo) return;
    setBusy(true);
    setError(null);
    try {
      await createCertificate({
        type,
        number: number.trim(),
        issuer: issuer.trim() || null,
        validFrom: validFrom || null,
        validTo: validTo || null,
        notes: notes.trim() || null,
        productIds,
        supplierIds,
      });
      onCreated();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t("certs.col.type")}
          required
          placeholder={t("certs.typePlaceholder")}
          data={CERTIFICATE_TYPES.map((value) => ({ value, label: certificateTypeName(i18n, value) }))}
          value={type}
          onChange={(value) => setType(value as CertificateType | null)}
          error={problems.type}
          searchable
          comboboxProps={{ withinPortal: true }}
          data-autofocus
          data-testid="certificate-type"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("certs.col.number")} required value={number} onChange={(event) => setNumber(event.currentTarget.value)} error={problems.number} data-testid="certificate-number" />
          <TextInput label={t("certs.col.issuer")} value={issuer} onChange={(event) => setIssuer(event.currentTarget.value)} data-testid="certificate-issuer" />
          <TextInput label={t("certs.col.validFrom")} type="date" value={validFrom} onChange={(event) => setValidFrom(event.currentTarget.value)} data-testid="certificate-valid-from" />
          <TextInput label={t("certs.col.validTo")} type="date" value={validTo} onChange={(event) => setValidTo(event.currentTarget.value)} error={problems.validTo} data-testid="certificate-valid-to" />
        </SimpleGrid>
        <ProductPicker label={t("certs.products")} value={productIds} onChange={setProductIds} />
        <MultiSelect
          label={t("certs.suppliers")}
          data={(suppliers.data?.suppliers ?? []).map((supplier) => ({ value: supplier.id, label: supplier.nameEn }))}
          value={supplierIds}
          onChange={setSupplierIds}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="certificate-suppliers"
        />
        <Textarea label={t("certs.notes")} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} autosize minRows={2} maxRows={5} />
        {error && <ErrorAlert error={error} message={error.code === "VALIDATION_FAILED" || error.code === "NOT_FOUND" ? error.message : undefined} />}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="certificate-submit">
            {t("certs.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
