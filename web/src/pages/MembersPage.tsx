// Members of the tenant (`/admin/members`): roles, adding and removing people.
import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { AddMemberDialog } from "../admin/AddMemberDialog.tsx";
import { PageHeader } from "../admin/PageHeader.tsx";
import { RequirePermission } from "../admin/RequirePermission.tsx";
import { ApiError, changeMemberRole, fetchMe, fetchMembers, type Member, type Role, removeMember } from "../api.ts";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { RoleBadge, RoleSelect } from "../components/Roles.tsx";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { useCan, useMe, useSession } from "../session.tsx";
import { useApi } from "../useApi.ts";

/** Page for `/admin/members`. */
export function MembersPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t("members.title")} · Clearway`);
  return (
    <RequirePermission permission="members.read" title={t("members.title")}>
      <Members />
    </RequirePermission>
  );
}

/** The members list with its dialogs. */
function Members() {
  const { t } = useI18n();
  const me = useMe();
  const { setMe } = useSession();
  const manage = useCan()("members.manage");
  const [reloads, setReloads] = useState(0);
  const { data, error, loading } = useApi(`members/${reloads}`, fetchMembers);
  const reload = () => setReloads((count) => count + 1);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [changing, setChanging] = useState<string | null>(null);
  const [roleError, setRoleError] = useState<ApiError | null>(null);

  const changeRole = async (member: Member, role: Role) => {
    setChanging(member.id);
    setRoleError(null);
    try {
      await changeMemberRole(member.id, role);
      // Changing one's own role changes what this console may show.
      if (member.id === me.principal.id) setMe(await fetchMe());
    } catch (caught) {
      setRoleError(caught instanceof ApiError ? caught : new ApiError(0, "CLIENT", String(caught)));
    } finally {
      setChanging(null);
      reload();
    }
  };

  return (
    <Stack gap="md" data-testid="members-page">
      <PageHeader title={t("members.title")} intro={t("members.intro", { tenant: me.tenant.name })}>
        {manage && (
          <Button leftSection={<Icon name="plus" size={15} />} onClick={() => setAdding(true)} data-testid="member-add">
            {t("members.add")}
          </Button>
        )}
      </PageHeader>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {roleError && <ErrorAlert error={roleError} message={roleError.code === "CONFLICT" ? t("members.lastAdmin") : undefined} />}
      {data && (
        <Paper withBorder className={loading ? "cw-stale" : undefined}>
          <MembersTable
            members={data.members}
            myId={me.principal.id}
            manage={manage}
            changing={changing}
            onRoleChange={changeRole}
            onRemove={setRemoving}
          />
        </Paper>
      )}
      <AddMemberDialog opened={adding} onClose={() => setAdding(false)} onAdded={reload} />
      <ConfirmDialog
        opened={removing !== null}
        title={t("members.removeTitle")}
        confirmLabel={t("members.remove")}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await removeMember(removing.id);
          reload();
        }}
        describeError={(caught) => (caught.code === "CONFLICT" ? t("members.lastAdmin") : undefined)}
        testId="member-remove-dialog"
      >
        {removing && t("members.removeConfirm", { email: removing.email, tenant: me.tenant.name })}
        {removing?.id === me.principal.id && (
          <Text span size="sm" fw={600} display="block" mt="xs">
            {t("members.removeSelf")}
          </Text>
        )}
      </ConfirmDialog>
    </Stack>
  );
}

type TableProps = {
  members: Member[];
  myId: string | null;
  manage: boolean;
  changing: string | null;
  onRoleChange: (member: Member, role: Role) => void;
  onRemove: (member: Member) => void;
};

/** One row per member: who, role (a picker for admins), since when, last sign-in, remove. */
function MembersTable({ members, myId, manage, changing, onRoleChange, onRemove }: TableProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("members.col.member")}</Table.Th>
            <Table.Th w={190}>{t("members.col.role")}</Table.Th>
            <Table.Th>{t("members.col.since")}</Table.Th>
            <Table.Th>{t("members.col.lastSignIn")}</Table.Th>
            {manage && <Table.Th w={100} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid="member-row" data-email={member.email}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {member.displayName}
                  </Text>
                  {member.id === myId && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t("common.you")}
                    </Badge>
                  )}
                  {member.disabled && (
                    <Badge size="xs" variant="light" color="gray">
                      {t("members.disabled")}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {member.email}
                </Text>
              </Table.Td>
              <Table.Td>
                {manage ? (
                  <RoleSelect
                    size="xs"
                    value={member.role}
                    onChange={(role) => role !== member.role && onRoleChange(member, role)}
                    disabled={changing === member.id}
                    aria-label={`${t("members.col.role")}: ${member.email}`}
                    data-testid="member-role-select"
                  />
                ) : (
                  <RoleBadge role={member.role} />
                )}
              </Table.Td>
              <Table.Td className="cw-nowrap">{formatDateTime(member.memberSince)}</Table.Td>
              <Table.Td className="cw-nowrap">
                {member.lastSignInAt ? formatDateTime(member.lastSignInAt) : <Text span size="sm" c="dimmed">{t("common.never")}</Text>}
              </Table.Td>
              {manage && (
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => onRemove(member)}
                    data-testid="member-remove"
                  >
                    {t("members.remove")}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
