// The catalogue's sections (products, import, certificates, suppliers) as a row of tabs that are links.
import type { MessageKey } from "../i18n.ts";
import { useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";

type Section = { path: string; label: MessageKey; write?: boolean };

const sections: Section[] = [
  { path: "/catalog", label: "catalog.nav.products" },
  { path: "/catalog/certificates", label: "catalog.nav.certificates" },
  { path: "/catalog/suppliers", label: "catalog.nav.suppliers" },
  { path: "/catalog/import", label: "catalog.nav.import", write: true },
];

/** Tabs across the top of every catalogue page; the import tab only for roles that may write. */
export function CatalogTabs({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const can = useCan();
  const active = (path: string) => (path === "/catalog" ? pathname === "/catalog" || pathname.startsWith("/catalog/products") : pathname.startsWith(path));
  return (
    <nav className="cw-subnav" aria-label={t("nav.catalogue")}>
      {sections
        .filter((section) => !section.write || can("catalog.write"))
        .map((section) => (
          <Link
            key={section.path}
            to={section.path}
            className={active(section.path) ? "cw-subnav-link cw-subnav-active" : "cw-subnav-link"}
            aria-current={active(section.path) ? "page" : undefined}
            data-testid={`catalog-tab-${section.path.split("/")[2] ?? "products"}`}
          >
            {t(section.label)}
          </Link>
        ))}
    </nav>
  );
}
