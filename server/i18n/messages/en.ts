// The English catalogue: the source every other locale must match key for key.
// One section per area of the site, each in its own file under en/ (and de/).
import { accounts } from "./en/accounts.js";
import { enums } from "./en/enums.js";
import { errors } from "./en/errors.js";
import { form } from "./en/form.js";
import { languages } from "./en/languages.js";
import { companies } from "./en/companies.js";
import { companyPage } from "./en/company-page.js";
import { openData } from "./en/open-data.js";
import { layout } from "./en/layout.js";
import { mail } from "./en/mail.js";
import { replies } from "./en/replies.js";
import { search } from "./en/search.js";
import { stories } from "./en/stories.js";
import { storyForm } from "./en/story-form.js";
import { admin } from "./en/admin.js";
import { feeds } from "./en/feeds.js";
import { moderation } from "./en/moderation.js";
import { notifications } from "./en/notifications.js";
import { users } from "./en/users.js";
import { yourData } from "./en/your-data.js";

export const en = {
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
};

/** What a catalogue holds: every key of the English one, with the same parameters. */
export type Messages = typeof en;
