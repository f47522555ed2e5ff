// Which subject's timeline to show: its type and its number.
import { Button, Select, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";
import { isSubjectType, SUBJECT_TYPES, type SubjectType, subjectTypeName } from "./format.ts";

/** A subject type select and an id field; `onShow` gets the trimmed pair. */
export function SubjectForm({ value, onShow }: { value: { type: string; id: string }; onShow: (subject: { type: SubjectType; id: string }) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [type, setType] = useState<SubjectType>(isSubjectType(value.type) ? value.type : "order");
  const [id, setId] = useState(value.id);
  useEffect(() => {
    if (isSubjectType(value.type)) setType(value.type);
    setId(value.id);
  }, [value.type, value.id]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) onShow({ type, id: id.trim() });
  };
  return (
    <form onSubmit={submit} className="cw-inline-form" data-testid="trace-form">
      <Select
        label={t("trace.subjectType")}
        data={SUBJECT_TYPES.map((subject) => ({ value: subject, label: subjectTypeName(i18n, subject) }))}
        value={type}
        onChange={(next) => isSubjectType(next) && setType(next)}
        allowDeselect={false}
        w={190}
        data-testid="trace-subject-type"
      />
      <TextInput
        label={t("trace.subjectId")}
        placeholder={t(`trace.placeholder.${type}`)}
        value={id}
        onChange={(event) => setId(event.currentTarget.value)}
        maxLength={200}
        className="cw-grow"
        maw={420}
        data-testid="trace-subject-id"
      />
      <Button type="submit" disabled={!id.trim()} leftSection={<Icon name="search" size={14} />} data-testid="trace-show">
        {t("trace.show")}
      </Button>
    </form>
  );
}
