// Role names, badges and pickers, in the user's language; the role list is the server's own.
import { Badge, type BadgeProps, Select, type SelectProps, Stack, Text } from "@mantine/core";
import { ROLES } from "../../../src/tenancy/permissions.ts";
import type { Role } from "../api.ts";
import { type I18n, useI18n } from "../i18n.ts";

const roleColor: Record<Role, string> = {
  admin: "red",
  compliance: "violet",
  declarant: "blue",
  warehouse: "teal",
  viewer: "gray",
};

/** The translated name of a role. */
export function roleName({ t }: I18n, role: Role): string {
  return t(`role.${role}`);
}

/** A role as a small coloured badge. */
export function RoleBadge({ role, ...props }: { role: Role } & BadgeProps) {
  const i18n = useI18n();
  return (
    <Badge variant="light" color={roleColor[role]} size="sm" data-role={role} {...props}>
      {roleName(i18n, role)}
    </Badge>
  );
}

type RoleSelectProps = Omit<SelectProps<Role>, "data" | "value" | "onChange"> & {
  value: Role;
  onChange: (role: Role) => void;
  /** Show what the chosen role may do under the field. */
  withHint?: boolean;
};

/** A role picker listing every role with its translated name. */
export function RoleSelect({ value, onChange, withHint, ...props }: RoleSelectProps) {
  const i18n = useI18n();
  return (
    <Select<Role>
      {...props}
      value={value}
      onChange={(role) => role && onChange(role)}
      allowDeselect={false}
      data={ROLES.map((role) => ({ value: role, label: roleName(i18n, role) }))}
      description={withHint ? i18n.t(`role.${value}.hint`) : props.description}
      renderOption={withHint ? ({ option }) => <RoleOption role={option.value} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A role in a picker's list: its name and what it may do. */
function RoleOption({ role }: { role: Role }) {
  const i18n = useI18n();
  return (
    <Stack gap={0}>
      <Text size="sm">{roleName(i18n, role)}</Text>
      <Text size="xs" c="dimmed">
        {i18n.t(`role.${role}.hint`)}
      </Text>
    </Stack>
  );
}
