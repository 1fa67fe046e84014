// TypeBox schemas for HTML forms: every field an optional string (a browser
// may leave any out), parsed by Fastify before the handler, so the handler
// reads typed fields instead of casting request.body.
import { Type, type TObject, type TOptional, type TString } from "@fastify/type-provider-typebox";

export function formSchema<K extends string>(...names: K[]): TObject<Record<K | "_csrf", TOptional<TString>>> {
  const properties = Object.fromEntries([...names, "_csrf"].map((name) => [name, Type.Optional(Type.String({ maxLength: 100_000 }))]));
  return Type.Object(properties as Record<K | "_csrf", TOptional<TString>>);
}

/** A link's ?token=… (from a mail). */
export const tokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
