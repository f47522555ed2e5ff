// Application frame: header with product name, language switch and account menu; navbar with the modules.
import { AppShell, Badge, Burger, Group, NavLink, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import type { Permission } from "../../src/tenancy/permissions.ts";
import { LanguageSwitch } from "./components/LanguageSwitch.tsx";
import { LogoMark } from "./components/LogoMark.tsx";
import { UserMenu } from "./components/UserMenu.tsx";
import { type MessageKey, useI18n } from "./i18n.ts";
import { Icon, type IconName } from "./icons.tsx";
import { Link } from "./router.tsx";
import { useCan } from "./session.tsx";

type Module = { id: IconName; path: string };
type AdminModule = Module & { permission: Permission };

const modules: Module[] = [
  { id: "tariff", path: "/tariff" },
  { id: "catalogue", path: "/catalog" },
  { id: "classification", path: "/classify" },
  { id: "screening", path: "/screenings" },
  { id: "evidence", path: "/evidence" },
  { id: "traceability", path: "/traceability" },
  { id: "status", path: "/status" },
];

/** Administration pages, each shown only to roles that hold its permission. */
export const adminModules: AdminModule[] = [
  { id: "members", path: "/admin/members", permission: "members.read" },
  { id: "apikeys", path: "/admin/api-keys", permission: "apikeys.manage" },
  { id: "audit", path: "/admin/audit", permission: "audit.read" },
];

const plannedModules: IconName[] = [
  "declarations",
  "bonded",
  "risk",
];

/** The console frame around a page. */
export function Shell({ pathname, children }: { pathname: string; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 236, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header className="cw-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Brand />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="cw-navbar">
        <ModuleNav pathname={pathname} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main className="cw-main">{children}</AppShell.Main>
    </AppShell>
  );
}

/** Logo mark, product name and tagline. */
function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/tariff" className="cw-brand">
      <span className="cw-logo" aria-hidden="true">
        <LogoMark />
      </span>
      <span className="cw-brand-name">
        {t("app.name")} <span className="cw-brand-local">{t("app.nameLocal")}</span>
      </span>
      <Text size="xs" c="dimmed" visibleFrom="md" className="cw-tagline">
        {t("app.tagline")}
      </Text>
    </Link>
  );
}

/** The module list: working modules as links, the administration the role may use, planned ones disabled with a badge. */
function ModuleNav({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const admin = adminModules.filter((module) => can(module.permission));
  return (
    <nav aria-label={t("nav.available")}>
      <Text className="cw-nav-heading">{t("nav.available")}</Text>
      {modules.map((module) => (
        <ModuleLink key={module.id} module={module} pathname={pathname} onNavigate={onNavigate} />
      ))}
      {admin.length > 0 && (
        <>
          <Text className="cw-nav-heading" mt="md">
            {t("nav.admin")}
          </Text>
          {admin.map((module) => (
            <ModuleLink key={module.id} module={module} pathname={pathname} onNavigate={onNavigate} />
          ))}
        </>
      )}
      <Text className="cw-nav-heading" mt="md">
        {t("nav.planned")}
      </Text>
      {plannedModules.map((id) => (
        <Tooltip key={id} label={t(`nav.${id}.hint` as MessageKey)} position="right" withArrow openDelay={300}>
          <div>
            <NavLink
              component="button"
              disabled
              label={t(`nav.${id}` as MessageKey)}
              leftSection={<Icon name={id} size={17} />}
              rightSection={
                <Badge size="xs" variant="light" color="gray" className="cw-planned">
                  {t("nav.plannedBadge")}
                </Badge>
              }
              data-testid={`nav-${id}`}
            />
          </div>
        </Tooltip>
      ))}
    </nav>
  );
}

/** One working module in the navbar. */
function ModuleLink({ module, pathname, onNavigate }: { module: Module; pathname: string; onNavigate: () => void }) {
  const { t } = useI18n();
  return (
    <NavLink
      component={Link}
      to={module.path}
      label={t(`nav.${module.id}` as MessageKey)}
      title={t(`nav.${module.id}.hint` as MessageKey)}
      leftSection={<Icon name={module.id} size={17} />}
      active={pathname === module.path || pathname.startsWith(`${module.path}/`)}
      onClick={onNavigate}
      data-testid={`nav-${module.id}`}
    />
  );
}
