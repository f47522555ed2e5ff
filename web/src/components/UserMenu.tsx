// The header's account menu: who is signed in, in which tenant and role; tenant switch; sign out.
import { Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { ApiError, signOut, switchTenant } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { navigate } from "../router.tsx";
import { SIGN_IN_PATH, useMe, useSession } from "../session.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { RoleBadge } from "./Roles.tsx";

/** Email, role and tenant in the header; opens a menu with the tenant switcher and sign-out. */
export function UserMenu() {
  const { t } = useI18n();
  const me = useMe();
  const { setMe } = useSession();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { principal, tenant, tenants } = me;

  // The menu stays open while an action runs, so that a failure can be shown in it.
  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      setOpened(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
    }
  };
  const changeTenant = (slug: string) =>
    run(async () => {
      if (slug !== tenant.slug) setMe(await switchTenant(slug));
    });
  const leave = () =>
    run(async () => {
      await signOut();
      setMe(null);
      navigate(SIGN_IN_PATH, { replace: true });
    });

  return (
    <Menu
      position="bottom-end"
      width={290}
      shadow="md"
      opened={opened}
      onChange={(open) => {
        setOpened(open);
        setError(null);
      }}
      closeOnItemClick={false}
    >
      <Menu.Target>
        <UnstyledButton className="cw-user" data-testid="user-menu" aria-label={t("user.menu")}>
          <Group gap={8} wrap="nowrap">
            <span className="cw-user-icon">
              <Icon name="user" size={16} />
            </span>
            <Stack gap={0} visibleFrom="sm" className="cw-user-text">
              <Text size="sm" fw={500} truncate="end" data-testid="user-email">
                {principal.label}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" data-testid="user-tenant">
                {tenant.name}
              </Text>
            </Stack>
            <RoleBadge role={principal.role} visibleFrom="sm" data-testid="user-role" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("user.signedInAs")}</Menu.Label>
        <div className="cw-user-card">
          <Text size="sm" fw={500} className="cw-break">
            {principal.label}
          </Text>
          <Text size="xs" c="dimmed">
            {t("user.tenant")}: {tenant.name} · {t("user.role")}: <RoleBadge role={principal.role} size="xs" />
          </Text>
        </div>
        {tenants.length > 1 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t("user.switchTenant")}</Menu.Label>
            <Menu.RadioGroup value={tenant.slug} onChange={changeTenant}>
              {tenants.map((membership) => (
                <Menu.RadioItem
                  key={membership.tenantId}
                  value={membership.slug}
                  rightSection={<RoleBadge role={membership.role} size="xs" />}
                  data-testid={`tenant-${membership.slug}`}
                >
                  {membership.name}
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
          </>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<Icon name="signOut" size={15} />} onClick={leave} data-testid="signout">
          {t("user.signOut")}
        </Menu.Item>
        {error && (
          <div className="cw-user-card">
            <ErrorAlert error={error} />
          </div>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
