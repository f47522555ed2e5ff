// Application frame: header with product name and language switch, navbar with the modules.
import { AppShell, Badge, Burger, Group, NavLink, SegmentedControl, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { type MessageKey, setLang, useI18n } from "./i18n.ts";
import { Icon, type IconName } from "./icons.tsx";
import { Link } from "./router.tsx";

type Module = { id: IconName; path: string };

const modules: Module[] = [
  { id: "tariff", path: "/tariff" },
  { id: "status", path: "/status" },
];

const plannedModules: IconName[] = [
  "catalogue",
  "classification",
  "screening",
  "declarations",
  "bonded",
  "risk",
  "evidence",
  "admin",
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
          <LanguageSwitch />
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
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="var(--mantine-color-blue-7)" />
          <path
            d="M9 17l4.5 4.5L23 11"
            fill="none"
            stroke="#fff"
            strokeWidth="3.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
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

/** EN / 中文 toggle; the choice persists across reloads. */
function LanguageSwitch() {
  const { lang, t } = useI18n();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t("app.langSwitch")}
      size="xs"
      value={lang}
      onChange={(value) => setLang(value === "zh" ? "zh" : "en")}
      data={[
        { value: "en", label: "EN" },
        { value: "zh", label: "中文" },
      ]}
    />
  );
}

/** The module list: working modules as links, planned ones disabled with a badge. */
function ModuleNav({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("nav.available")}>
      <Text className="cw-nav-heading">{t("nav.available")}</Text>
      {modules.map((module) => (
        <NavLink
          key={module.id}
          component={Link}
          to={module.path}
          label={t(`nav.${module.id}` as MessageKey)}
          title={t(`nav.${module.id}.hint` as MessageKey)}
          leftSection={<Icon name={module.id} size={17} />}
          active={pathname === module.path || pathname.startsWith(`${module.path}/`)}
          onClick={onNavigate}
          data-testid={`nav-${module.id}`}
        />
      ))}
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
