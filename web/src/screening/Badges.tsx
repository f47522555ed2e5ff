// Badges of the screening pages: a finding's severity, a run's status, a lane.
import { Badge, Loader } from "@mantine/core";
import type { ScreeningRun, Severity } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { isSeverity, laneName, SEVERITY_COLOR, STATUS_COLOR } from "./format.ts";

/** How bad a finding (or a rule) is: block red, warning orange, info blue. */
export function SeverityBadge({ severity }: { severity: Severity | string }) {
  const { t } = useI18n();
  if (!isSeverity(severity))
    return (
      <Badge color="gray" variant="light">
        {severity}
      </Badge>
    );
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant={severity === "block" ? "filled" : "light"} size="sm" data-testid="severity-badge" data-severity={severity}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

/** Whether a run is still screening, finished or failed. */
export function RunStatusBadge({ status }: { status: ScreeningRun["status"] }) {
  const { t } = useI18n();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      size="sm"
      leftSection={status === "running" ? <Loader size={10} color="blue" /> : undefined}
      data-testid="run-status"
      data-status={status}
    >
      {t(`screening.status.${status}`)}
    </Badge>
  );
}

/** A lane's name as a quiet badge. */
export function LaneBadge({ lane }: { lane: string }) {
  const i18n = useI18n();
  return (
    <Badge color="gray" variant="outline" size="sm" tt="none" data-testid="lane-badge" data-lane={lane}>
      {laneName(i18n, lane)}
    </Badge>
  );
}
