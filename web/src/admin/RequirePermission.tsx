// Admin pages check the role before asking the server, so a role without access sees why instead of an error.
import { Alert, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { PERMISSIONS, type Permission } from "../../../src/tenancy/permissions.ts";
import { roleName } from "../components/Roles.tsx";
import { useI18n } from "../i18n.ts";
import { useCan, useMe } from "../session.tsx";

type Props = { permission: Permission; title: string; children: ReactNode };

/** Renders the page when the signed-in role holds the permission, else its title and which roles may use it. */
export function RequirePermission({ permission, title, children }: Props) {
  const i18n = useI18n();
  const me = useMe();
  const can = useCan();
  if (can(permission)) return children;
  const roles = PERMISSIONS[permission].map((role) => roleName(i18n, role)).join(i18n.lang === "zh" ? "、" : ", ");
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {title}
      </Title>
      <Alert color="orange" variant="light" maw={640} data-testid="page-forbidden">
        <Text size="sm">
          {i18n.t("error.pageForbidden", { roles, tenant: me.tenant.name, role: roleName(i18n, me.principal.role) })}
        </Text>
      </Alert>
    </Stack>
  );
}
