// The TypeBox pieces routes declare their params, query and body with: a URL
// or form that does not fit never reaches a handler (404 for a malformed
// address, 400 for the rest, see plugins/errors.ts).
import { Type } from "@fastify/type-provider-typebox";

/** A database id (Postgres integer) in a URL. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id });
// No slug or username is longer; Postgres text cannot hold NUL.
export const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: "^[^\\u0000]*$" });
export const SlugParams = Type.Object({ slug: Slug });
export const UsernameParams = Type.Object({ username: Slug });

/** A cursor or page number in a query string, absent on the first page. */
export const OptionalId = Type.Optional(Id);

/** Any query parameter's text: the field reader (lib/form.ts) cleans it. */
export const QueryText = Type.Optional(Type.String({ maxLength: 2000 }));

/** A form post: each field a string (or the same field twice); the form's own check reads and validates them. */
export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));

/** One of a fixed set of values, as a URL carries it. */
export const OneOf = <const T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
