// The German catalogue: formal "Sie", the same keys as en.ts (the compiler holds it to that).
import type { Messages } from "./en.js";
import { enums } from "./de/enums.js";
import { errors } from "./de/errors.js";
import { layout } from "./de/layout.js";

export const de = {
  layout,
  errors,
  enums,
} satisfies Messages;
