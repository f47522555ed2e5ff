// Shows an API error in the user's language, with "did you mean" links for unknown tariff codes.
import { Alert, Anchor, Button, List, Text } from "@mantine/core";
import { ROLES } from "../../../src/tenancy/permissions.ts";
import type { ApiError, Role, Suggestion } from "../api.ts";
import { type I18n, useI18n } from "../i18n.ts";
import { Link } from "../router.tsx";
import { roleName } from "./Roles.tsx";

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

type Props = {
  error: ApiError;
  /** The tariff code the user asked for, when the request was a lookup. */
  code?: string;
  editionName?: string;
  suggestionHref?: (suggestion: Suggestion) => string;
  onRetry?: () => void;
  /** Text to show instead of the generic one, when the caller can explain this error better. */
  message?: string;
};

function messageFor({ error, code, editionName }: Props, i18n: I18n): string {
  const { t } = i18n;
  switch (error.code) {
    case "NETWORK":
      return t("error.network");
    case "TARIFF_CODE_MALFORMED":
      return t("error.malformed", { code: code ?? "" });
    case "TARIFF_CODE_NOT_FOUND":
      return editionName
        ? t("error.notFound", { code: code ?? "", edition: editionName })
        : t("error.notFoundNoEdition", { code: code ?? "" });
    case "FORBIDDEN": {
      const role = error.details?.role;
      return isRole(role) ? t("error.forbidden", { role: roleName(i18n, role) }) : t("error.forbiddenNoRole");
    }
    case "CSRF_FAILED":
      return t("error.csrf");
    case "RATE_LIMITED":
      return t("error.rateLimited", { seconds: error.retryAfter ?? 60 });
    default:
      return t("error.generic", { code: error.code, message: error.message });
  }
}

/** A red alert describing an API error; suggestions become links when a builder is given. */
export function ErrorAlert(props: Props) {
  const i18n = useI18n();
  const { error, suggestionHref, onRetry } = props;
  const suggestions = suggestionHref ? error.suggestions : [];
  const notFound = error.status === 404 || error.code.endsWith("NOT_FOUND");
  return (
    <Alert color={notFound ? "orange" : "red"} variant="light" data-testid="api-error" data-error-code={error.code}>
      <Text size="sm">{props.message ?? messageFor(props, i18n)}</Text>
      {suggestions.length > 0 && suggestionHref && (
        <>
          <Text size="sm" mt="xs" fw={500}>
            {i18n.t("error.suggestions")}
          </Text>
          <List size="sm" spacing={2} mt={4} listStyleType="none" data-testid="error-suggestions">
            {suggestions.map((suggestion) => (
              <List.Item key={suggestion.code}>
                <Anchor component={Link} to={suggestionHref(suggestion)} size="sm" className="cw-code">
                  {suggestion.codeDotted}
                </Anchor>{" "}
                <Text span size="sm" c="dimmed">
                  {suggestion.description}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {onRetry && (
        <Button size="xs" variant="default" mt="sm" onClick={onRetry}>
          {i18n.t("common.retry")}
        </Button>
      )}
    </Alert>
  );
}
