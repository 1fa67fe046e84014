// A form route's one reading of its body. Form routes declare their body schema
// with attachValidation, so a body the schema refuses re-renders the form
// instead of answering the bare 400 page: formInput turns each refusal into a
// message for its field in the request's language (errors.form when it is no field's), and keeps what was
// typed, every text field as a string, so the form comes back filled.
import type { FastifyRequest, FastifySchemaValidationError } from "fastify";
import type { I18n } from "../i18n/index.js";
import { isFormBody, type FieldErrors, type FormBody } from "./form.js";

export interface FormInput {
  /** The fields as sent; a value that is neither text nor repeated text is left out. */
  body: FormBody;
  /** The schema's refusals, by field name; "form" for the body as a whole. */
  errors: FieldErrors;
  ok: boolean;
}

/** A refusal in the request's language. */
function message(error: FastifySchemaValidationError, { t, fmt }: I18n): string {
  switch (error.keyword) {
    case "maxLength":
      return t.form.refused.tooLong(fmt.number(Number(error.params.limit)));
    case "minLength":
    case "required":
      return t.form.refused.empty;
    default:
      return t.form.refused.unreadable;
  }
}

/** The field a refusal is about: "/email" → email, a missing one by its name; undefined for the whole body. */
function fieldOf(error: FastifySchemaValidationError): string | undefined {
  if (error.keyword === "required" && typeof error.params.missingProperty === "string") return error.params.missingProperty;
  const name = error.instancePath.split("/")[1];
  return name ? name.replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
}

function keptFields(raw: unknown): FormBody {
  if (!isFormBody(raw)) return {};
  const kept: FormBody = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === "string") kept[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) kept[name] = value;
  }
  return kept;
}

/**
 * The form as sent and the schema's refusals as field messages, or null when
 * what failed is the address (a malformed id or slug): that is a 404, not a form error.
 */
export function formInput(request: Pick<FastifyRequest, "body" | "validationError" | "i18n">): FormInput | null {
  const failure = request.validationError;
  if (failure && failure.validationContext !== "body") return null;
  const errors: FieldErrors = {};
  for (const error of (failure?.validation ?? []) as FastifySchemaValidationError[]) {
    const name = fieldOf(error) ?? "form";
    errors[name] ??= name === "form" ? request.i18n.t.form.refused.form : message(error, request.i18n);
  }
  return { body: keptFields(request.body), errors, ok: !failure };
}
