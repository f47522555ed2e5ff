// Subdivisions of a tariff line as an expandable tree.
import { ActionIcon, Loader, Text } from "@mantine/core";
import { useState } from "react";
import { fetchLookup, type TreeChild } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { type TariffContext, tariffHref } from "./links.ts";

/** The children of a line with column headers; group rows ("Horses:") nest their members. */
export function ChildrenTree({ nodes, context }: { nodes: TreeChild[]; context: TariffContext }) {
  const { t } = useI18n();
  const withRates = context.schedule === "us_hts";
  return (
    <div className={withRates ? "cw-tree" : "cw-tree cw-tree-no-rates"} data-testid="tariff-children">
      <div className="cw-tree-row cw-tree-header" aria-hidden="true">
        <span>{t("detail.code")}</span>
        <span>{t("detail.description")}</span>
        <span>{t("detail.units")}</span>
        {withRates && <span>{t("detail.generalRate")}</span>}
      </div>
      <TreeRows nodes={nodes} depth={0} context={context} />
    </div>
  );
}

function TreeRows({ nodes, depth, context }: { nodes: TreeChild[]; depth: number; context: TariffContext }) {
  return nodes.map((node, index) =>
    node.code === null ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: group rows have no code; siblings may share a text ("Other:")
      <GroupRow key={`group-${index}-${node.description}`} node={node} depth={depth} context={context} />
    ) : (
      <LineRow key={node.code} node={node} depth={depth} context={context} />
    ),
  );
}

type RowProps = { node: TreeChild; depth: number; context: TariffContext };

/** An unnumbered heading such as "Horses:", open by default, holding its members. */
function GroupRow({ node, depth, context }: RowProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  const members = node.children ?? [];
  return (
    <>
      <div className="cw-tree-row cw-tree-group" data-testid="tariff-child-group">
        <span />
        <span className="cw-tree-desc" style={{ paddingLeft: depth * 20 }}>
          <Toggle
            open={open}
            onToggle={() => setOpen(!open)}
            label={open ? t("detail.collapse") : t("detail.expand")}
          />
          <span className="cw-group-label">{node.description}</span>
        </span>
        <span />
        {context.schedule === "us_hts" && <span />}
      </div>
      {open && <TreeRows nodes={members} depth={depth + 1} context={context} />}
    </>
  );
}

/** A numbered child: a link to its page, expandable in place when it has subdivisions. */
function LineRow({ node, depth, context }: RowProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const to = tariffHref(node.codeDotted ?? node.code, context);
  return (
    <>
      <div className="cw-tree-row cw-tree-line" data-testid="tariff-child-row">
        <Link to={to} className="cw-code cw-link">
          {node.codeDotted}
        </Link>
        <span className="cw-tree-desc" style={{ paddingLeft: depth * 20 }}>
          {node.hasChildren ? (
            <Toggle
              open={open}
              onToggle={() => setOpen(!open)}
              label={open ? t("detail.collapse") : t("detail.expand")}
            />
          ) : (
            <span className="cw-toggle-spacer" />
          )}
          <Link to={to} className="cw-tree-link">
            {node.description}
          </Link>
        </span>
        <span className="cw-tree-units">{node.units.join(", ")}</span>
        {context.schedule === "us_hts" && <span className="cw-tree-rate">{node.general}</span>}
      </div>
      {open && node.code && <LazyChildren code={node.code} depth={depth + 1} context={context} />}
    </>
  );
}

/** Fetches a child's own subdivisions the first time it is expanded. */
function LazyChildren({ code, depth, context }: { code: string; depth: number; context: TariffContext }) {
  const { t } = useI18n();
  const { data, error } = useApi(`lookup/${context.schedule}/${code}`, (signal) =>
    fetchLookup(code, context.schedule, signal),
  );
  if (error) {
    return (
      <div className="cw-tree-note" style={{ paddingLeft: depth * 20 }}>
        <ErrorAlert error={error} code={code} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="cw-tree-note" style={{ paddingLeft: depth * 20 }}>
        <Loader size="xs" />
        <Text span size="xs" c="dimmed" ml={6}>
          {t("common.loading")}
        </Text>
      </div>
    );
  }
  return <TreeRows nodes={data.children} depth={depth} context={context} />;
}

/** The chevron that opens or closes a row. */
function Toggle({ open, onToggle, label }: { open: boolean; onToggle: () => void; label: string }) {
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="xs"
      className={open ? "cw-toggle cw-toggle-open" : "cw-toggle"}
      onClick={onToggle}
      aria-label={label}
      aria-expanded={open}
    >
      <Icon name="chevron" size={14} />
    </ActionIcon>
  );
}
