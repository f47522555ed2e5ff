// The screening module's sections (runs, rule catalogue) as a row of tabs that are links.
import { type MessageKey, useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";

const sections: { path: string; label: MessageKey; id: string }[] = [
  { path: "/screenings", label: "screening.tab.runs", id: "runs" },
  { path: "/screenings/rules", label: "screening.tab.rules", id: "rules" },
];

/** Tabs across the top of every screening page; a run's page belongs to the runs tab. */
export function ScreeningTabs({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const active = (path: string) => (path === "/screenings" ? pathname !== "/screenings/rules" : pathname === path);
  return (
    <nav className="cw-subnav" aria-label={t("nav.screening")}>
      {sections.map((section) => (
        <Link
          key={section.path}
          to={section.path}
          className={active(section.path) ? "cw-subnav-link cw-subnav-active" : "cw-subnav-link"}
          aria-current={active(section.path) ? "page" : undefined}
          data-testid={`screening-tab-${section.id}`}
        >
          {t(section.label)}
        </Link>
      ))}
    </nav>
  );
}
