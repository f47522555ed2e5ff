// A secret shown once (an API key, a generated password), or any value to copy, with a copy button.
import { ActionIcon, Code, CopyButton, Group, Tooltip } from "@mantine/core";
import { useI18n } from "../i18n.ts";
import { Icon } from "../icons.tsx";

/** The secret in monospace with a copy-to-clipboard button. */
export function SecretReveal({ value, testId }: { value: string; testId?: string }) {
  return <CopyableCode value={value} testId={testId} className="cw-secret" codeClassName="cw-secret-value" />;
}

/** A value in monospace with a copy-to-clipboard button (a secret, or a public key). */
export function CopyableCode({ value, testId, className, codeClassName }: { value: string; testId?: string; className?: string; codeClassName?: string }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" className={className}>
      <Code block className={codeClassName} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow position="left">
            <ActionIcon
              variant={copied ? "filled" : "default"}
              color={copied ? "green" : undefined}
              size="lg"
              onClick={copy}
              aria-label={t("common.copy")}
              data-testid={testId ? `${testId}-copy` : undefined}
            >
              <Icon name={copied ? "check" : "copy"} size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
