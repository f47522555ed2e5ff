// The audit trail as a table; a row opens to show the event's before/after JSON and its origin in full.
import { ActionIcon, Code, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import type { AuditEvent } from "../api.ts";
import { isMessageKey, useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";

const COLUMNS = 6;

/** Newest first: time, actor, action, target, origin; click a row for the details. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table verticalSpacing={6} fz="sm" data-testid="audit-table" className="cw-audit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>{t("audit.col.time")}</Table.Th>
            <Table.Th>{t("audit.col.actor")}</Table.Th>
            <Table.Th>{t("audit.col.action")}</Table.Th>
            <Table.Th>{t("audit.col.target")}</Table.Th>
            <Table.Th>{t("audit.col.origin")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Fragment key={event.id}>
              <AuditRow event={event} open={open.has(event.id)} onToggle={() => toggle(event.id)} />
              {open.has(event.id) && <AuditDetails event={event} />}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One event's summary row. */
function AuditRow({ event, open, onToggle }: { event: AuditEvent; open: boolean; onToggle: () => void }) {
  const { t, formatDateTime } = useI18n();
  const actionKey = `action.${event.action}`;
  const actorKey = `actor.${event.actorType}`;
  const targetKey = `target.${event.targetType}`;
  const failed = /failed|locked/.test(event.action);
  return (
    <Table.Tr
      data-testid="audit-row"
      data-action={event.action}
      className={open ? "cw-audit-row cw-audit-open" : "cw-audit-row"}
      onClick={onToggle}
    >
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          className={open ? "cw-toggle cw-toggle-open" : "cw-toggle"}
          aria-label={t("audit.details")}
          aria-expanded={open}
          onClick={(click) => {
            click.stopPropagation();
            onToggle();
          }}
        >
          <Icon name="chevron" size={14} />
        </ActionIcon>
      </Table.Td>
      <Table.Td className="cw-nowrap" title={new Date(event.occurredAt).toISOString()}>
        {formatDateTime(event.occurredAt)}
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="cw-break">
          {event.actorLabel ?? event.actorId ?? "—"}
        </Text>
        <Text size="xs" c="dimmed">
          {isMessageKey(actorKey) ? t(actorKey) : event.actorType}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} c={failed ? "red.7" : undefined}>
          {isMessageKey(actionKey) ? t(actionKey) : event.action}
        </Text>
        <Text size="xs" c="dimmed" className="cw-code">
          {event.action}
        </Text>
      </Table.Td>
      <Table.Td>
        {event.targetType ? (
          <>
            <Text size="sm" className="cw-break">
              {isMessageKey(targetKey) ? t(targetKey) : event.targetType}
              {targetName(event) && ` · ${targetName(event)}`}
            </Text>
            <Text size="xs" c="dimmed" className="cw-code">
              {event.targetId}
            </Text>
          </>
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" className="cw-code">
          {event.ip ?? "—"}
        </Text>
        {event.userAgent && (
          <Text size="xs" c="dimmed" className="cw-audit-agent" title={event.userAgent}>
            {event.userAgent}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** A readable name for the target (an email or key name recorded with the event), when there is one. */
function targetName(event: AuditEvent): string | null {
  for (const side of [event.after, event.before]) {
    if (side && typeof side === "object") {
      const { email, name } = side as { email?: unknown; name?: unknown };
      if (typeof email === "string") return email;
      if (typeof name === "string") return name;
    }
  }
  return null;
}

/** The expanded part of a row: before and after side by side, then the request's origin. */
function AuditDetails({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  return (
    <Table.Tr className="cw-audit-details" data-testid="audit-details">
      <Table.Td colSpan={COLUMNS}>
        <Stack gap="sm" py={4}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <JsonBlock label={t("audit.before")} value={event.before} testId="audit-before" />
            <JsonBlock label={t("audit.after")} value={event.after} testId="audit-after" />
          </SimpleGrid>
          <dl className="cw-facts">
            <div className="cw-fact">
              <dt>{t("audit.requestId")}</dt>
              <dd className="cw-code">{event.requestId ?? "—"}</dd>
            </div>
            <div className="cw-fact">
              <dt>{t("audit.userAgent")}</dt>
              <dd className="cw-break">{event.userAgent ?? "—"}</dd>
            </div>
          </dl>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** A labelled, pretty-printed JSON value. */
function JsonBlock({ label, value, testId }: { label: string; value: unknown; testId: string }) {
  const { t } = useI18n();
  const empty = value === null || value === undefined;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4} tt="uppercase">
        {label}
      </Text>
      <Code block className="cw-json" data-testid={testId}>
        {empty ? t("audit.nothing") : JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}
