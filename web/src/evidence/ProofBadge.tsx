// Whether a ledger entry is proven in the newest signed checkpoint, waiting for the next one, or failed its check.
import { Badge, Tooltip } from "@mantine/core";
import type { ProofStatus } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";

/** Colour of each proof status. */
export const PROOF_COLOR: Record<ProofStatus["status"], string> = { verified: "green", pending: "gray", failed: "red" };

/** Green "verified in checkpoint N", grey "pending", or red "failed: reason". */
export function ProofBadge({ proof }: { proof: ProofStatus }) {
  const { t } = useI18n();
  const label =
    proof.status === "verified"
      ? t("trace.proof.verified", { size: proof.checkpointSize })
      : proof.status === "pending"
        ? t("trace.proof.pending")
        : t("trace.proof.failed", { reason: proof.reason });
  const hint = proof.status === "verified" ? t("trace.proof.verifiedHint", { size: proof.checkpointSize }) : proof.status === "pending" ? t("trace.proof.pendingHint") : null;
  const badge = (
    <Badge
      color={PROOF_COLOR[proof.status]}
      variant={proof.status === "failed" ? "filled" : "light"}
      size="sm"
      tt="none"
      maw="100%"
      leftSection={proof.status === "verified" ? <Icon name="check" size={11} /> : proof.status === "failed" ? <Icon name="close" size={11} /> : undefined}
      data-testid="trace-proof"
      data-status={proof.status}
      data-checkpoint={proof.status === "verified" ? proof.checkpointSize : undefined}
    >
      {label}
    </Badge>
  );
  return hint ? (
    <Tooltip label={hint} withArrow openDelay={300} multiline maw={300}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
