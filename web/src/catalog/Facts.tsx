// Label/value lists and titled panels, as the catalogue pages lay them out.
import { Group, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled bordered panel with optional actions on the right of the title. */
export function Panel({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

/** A label/value list. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="cw-facts cw-facts-wide">{children}</dl>;
}

/** One label/value row; a dash when the value is empty. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === "" || children === false;
  return (
    <div className="cw-fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="cw-dim">—</span> : children}</dd>
    </div>
  );
}
