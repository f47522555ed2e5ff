// Dialog that adds a supplier: names in English and Chinese, country, address and one contact.
import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError, createSupplier } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { countryName } from "./format.ts";

/** The dialog; `onCreated` runs after the server has created the supplier. */
export function CreateSupplierDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t("suppliers.createTitle")} size="lg" centered data-testid="supplier-create-dialog">
      {opened && (
        <SupplierForm
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

/** The form of the dialog. */
function SupplierForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: () => void }) {
  const { t, lang } = useI18n();
  const [nameEn, setNameEn] = useState("");
  const [nameZh, setNameZh] = useState("");
  const [country, setCountry] = useState("");
  const [address, setAddress] = useState("");
  const [contact, setContact] = useState({ name: "", email: "", phone: "" });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const code = country.trim().toUpperCase();
  const problems = {
    nameEn: checked && !nameEn.trim() ? t("suppliers.nameRequired") : undefined,
    country: code && !/^[A-Z]{2}$/.test(code) ? t("suppliers.countryInvalid") : undefined,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!nameEn.trim() || problems.country) return;
    setBusy(true);
    setError(null);
    const person = Object.fromEntries(Object.entries(contact).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value));
    try {
      await createSupplier({
        nameEn: nameEn.trim(),
        nameZh: nameZh.trim() || null,
        country: code || null,
        address: address.trim() || null,
        contacts: Object.keys(person).length ? [person] : [],
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("suppliers.nameEn")} required value={nameEn} onChange={(event) => setNameEn(event.currentTarget.value)} error={problems.nameEn} data-autofocus data-testid="supplier-name-en" />
          <TextInput label={t("suppliers.nameZh")} value={nameZh} onChange={(event) => setNameZh(event.currentTarget.value)} data-testid="supplier-name-zh" />
        </SimpleGrid>
        <TextInput
          label={t("suppliers.country")}
          description={code && !problems.country ? countryName(lang, code) : t("suppliers.countryHint")}
          value={country}
          onChange={(event) => setCountry(event.currentTarget.value)}
          error={problems.country}
          maxLength={2}
          w={220}
          data-testid="supplier-country"
        />
        <Textarea label={t("suppliers.address")} value={address} onChange={(event) => setAddress(event.currentTarget.value)} autosize minRows={2} maxRows={4} />
        <Text size="sm" fw={500}>
          {t("suppliers.contact")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t("suppliers.contactName")} value={contact.name} onChange={(event) => setContact({ ...contact, name: event.currentTarget.value })} />
          <TextInput label={t("suppliers.contactEmail")} type="email" value={contact.email} onChange={(event) => setContact({ ...contact, email: event.currentTarget.value })} />
          <TextInput label={t("suppliers.contactPhone")} value={contact.phone} onChange={(event) => setContact({ ...contact, phone: event.currentTarget.value })} />
        </SimpleGrid>
        {error && <ErrorAlert error={error} message={error.code === "CONFLICT" ? t("suppliers.exists") : error.code === "VALIDATION_FAILED" ? error.message : undefined} />}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="supplier-submit">
            {t("suppliers.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
