// A form route's one reading of its body. Form routes declare their body schema
// with attachValidation, so a body the schema refuses re-renders the form
// instead of answering the bare 400 page: formInput turns each refusal into a
// message for its field (errors.form when it is no field's), and keeps what was
// typed, every text field as a string, so the form comes back filled.
import type { FastifyRequest, FastifySchemaValidationError } from "fastify";
import { isFormBody, type FieldErrors, type FormBody } from "./form.js";

export interface FormInput {
  /** The fields as sent; a value that is neither text nor repeated text is left out. */
  body: FormBody;
  /** The schema's refusals, by field name; "form" for the body as a whole. */
  errors: FieldErrors;
  ok: boolean;
}

function message(error: FastifySchemaValidationError): string {
  switch (error.keyword) {
    case "maxLength":
      return `This is too long: keep it to ${Number(error.params.limit).toLocaleString("en")} characters.`;
    case "minLength":
      return "Fill this in.";
    case "required":
      return "Fill this in.";
    default:
      return "This value could not be read. Please check it and send the form again.";
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
export function formInput(request: Pick<FastifyRequest, "body" | "validationError">): FormInput | null {
  const failure = request.validationError;
  if (failure && failure.validationContext !== "body") return null;
  const errors: FieldErrors = {};
  for (const error of (failure?.validation ?? []) as FastifySchemaValidationError[]) {
    const name = fieldOf(error) ?? "form";
    errors[name] ??= name === "form" ? "The form could not be read. Please send it again." : message(error);
  }
  return { body: keptFields(request.body), errors, ok: !failure };
}
