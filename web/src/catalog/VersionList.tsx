// A product's versions, newest first; each opens its snapshot beside the current values.
import { Badge, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import type { Product, ProductVersion } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { SnapshotDialog } from "./SnapshotDialog.tsx";

/** The current version, then each earlier one with who replaced it and when. */
export function VersionList({ product, versions }: { product: Product; versions: ProductVersion[] }) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Stack gap={4} data-testid="product-versions">
        <VersionRow
          version={product.version}
          detail={t("versions.currentDetail", { time: formatDateTime(product.updatedAt), by: product.updatedBy ?? "—" })}
          current
          onOpen={() => setOpen(product.version)}
        />
        {versions
          .filter((version) => version.version !== product.version)
          .map((version) => (
            <VersionRow
              key={version.version}
              version={version.version}
              detail={t("versions.replaced", { time: formatDateTime(version.replacedAt), by: version.replacedBy ?? "—" })}
              onOpen={() => setOpen(version.version)}
            />
          ))}
        {versions.length === 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            {t("versions.only")}
          </Text>
        )}
      </Stack>
      <SnapshotDialog product={product} version={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** One version as a clickable row. */
function VersionRow({ version, detail, current, onOpen }: { version: number; detail: string; current?: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <UnstyledButton className="cw-version" onClick={onOpen} data-testid="product-version" data-version={version}>
      <Badge variant={current ? "filled" : "light"} color={current ? "blue" : "gray"} size="sm" className="cw-num">
        v{version}
      </Badge>
      <span className="cw-version-text">
        <Text span size="sm">
          {current ? t("versions.current") : t("versions.earlier")}
        </Text>
        <Text span size="xs" c="dimmed" display="block">
          {detail}
        </Text>
      </span>
      <Icon name="chevron" size={14} className="cw-version-chevron" />
    </UnstyledButton>
  );
}
