// The classification module's sections (classify, review queue) as a row of tabs that are links.
import { type MessageKey, useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";

const sections: { path: string; label: MessageKey; id: string }[] = [
  { path: "/classify", label: "classifier.nav.classify", id: "classify" },
  { path: "/classify/queue", label: "classifier.nav.queue", id: "queue" },
];

/** Tabs across the top of the classify and review-queue pages. */
export function ClassifyTabs({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <nav className="cw-subnav" aria-label={t("nav.classification")}>
      {sections.map((section) => {
        const active = pathname === section.path;
        return (
          <Link
            key={section.path}
            to={section.path}
            className={active ? "cw-subnav-link cw-subnav-active" : "cw-subnav-link"}
            aria-current={active ? "page" : undefined}
            data-testid={`classify-tab-${section.id}`}
          >
            {t(section.label)}
          </Link>
        );
      })}
    </nav>
  );
}
