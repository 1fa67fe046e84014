// The German catalogue: formal "Sie", the same keys as en.ts (the compiler holds it to that).
import type { Messages } from "./en.js";
import { accounts } from "./de/accounts.js";
import { enums } from "./de/enums.js";
import { errors } from "./de/errors.js";
import { form } from "./de/form.js";
import { languages } from "./de/languages.js";
import { companies } from "./de/companies.js";
import { companyPage } from "./de/company-page.js";
import { openData } from "./de/open-data.js";
import { layout } from "./de/layout.js";
import { mail } from "./de/mail.js";
import { replies } from "./de/replies.js";
import { search } from "./de/search.js";
import { stories } from "./de/stories.js";
import { storyForm } from "./de/story-form.js";
import { admin } from "./de/admin.js";
import { feeds } from "./de/feeds.js";
import { moderation } from "./de/moderation.js";
import { notifications } from "./de/notifications.js";
import { users } from "./de/users.js";
import { yourData } from "./de/your-data.js";

export const de = {
  layout,
  errors,
  enums,
  form,
  stories,
  storyForm,
  replies,
  search,
  accounts,
  languages,
  mail,
  companies,
  companyPage,
  openData,
  moderation,
  admin,
  notifications,
  users,
  yourData,
  feeds,
} satisfies Messages;
