// The English catalogue: the source every other locale must match key for key.
// One section per area of the site, each in its own file under en/ (and de/).
import { enums } from "./en/enums.js";
import { errors } from "./en/errors.js";
import { layout } from "./en/layout.js";

export const en = {
  layout,
  errors,
  enums,
};

/** What a catalogue holds: every key of the English one, with the same parameters. */
export type Messages = typeof en;
