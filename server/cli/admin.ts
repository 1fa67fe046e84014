// npm run admin -- create <username>      makes an admin (password from
//                                          ESCALATOR_ADMIN_PASSWORD or asked on the terminal)
// npm run admin -- role <username> <role>  sets member, moderator or admin
// npm run admin -- represent <username> <organisation>  lets them answer officially for it
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { hashPassword } from "../accounts/passwords.js";
import { findUserByUsername, insertUser, setRole } from "../accounts/queries.js";
import { passwordError, usernameError } from "../accounts/schema.js";
import { loadConfig } from "../config.js";
import { migrateToLatest } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";
import { USER_ROLES, type UserRole } from "../lib/enums.js";
import { usernameAsTyped } from "../lib/usernames.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { addRepresentative } from "../representatives/queries.js";
import { messages } from "../i18n/index.js";

const USAGE = "usage: npm run admin -- create <username> | npm run admin -- role <username> <member|moderator|admin> | npm run admin -- represent <username> <organisation>";

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("Set ESCALATOR_ADMIN_PASSWORD, or run this in a terminal to type the password.");
  let muted = false;
  const output = new Writable({ write: (chunk, _enc, done) => { if (!muted) process.stdout.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (q: string) => new Promise<string>((resolve) => { rl.question(q, resolve); muted = true; });
  const first = await ask("Password: ");
  muted = false;
  process.stdout.write("\n");
  const second = await ask("Again: ");
  rl.close();
  process.stdout.write("\n");
  if (first !== second) throw new Error("The two passwords differ.");
  return first;
}

async function main(args: string[]) {
  const [command, username, role] = args;
  if (command === "create" && username) {
    // An operator's terminal: the English wording.
    const problem = usernameError(usernameAsTyped(username), messages("en").accounts.errors);
    if (problem) throw new Error(problem);
    const password = process.env.ESCALATOR_ADMIN_PASSWORD ?? (await askPassword());
    const weak = passwordError(password, username, messages("en").accounts.errors);
    if (weak) throw new Error(weak);
    return withDatabase(async (db) => {
      if (await findUserByUsername(db, username)) throw new Error(`${username} exists already; use: npm run admin -- role ${username} admin`);
      await insertUser(db, { username: usernameAsTyped(username), email: null, passwordHash: await hashPassword(password), role: "admin" });
      console.log(`Created admin ${username}.`);
    });
  }
  if (command === "role" && username && role) {
    if (!USER_ROLES.includes(role as UserRole)) throw new Error(`The role must be one of ${USER_ROLES.join(", ")}.`);
    return withDatabase(async (db) => {
      if (!(await setRole(db, username, role as UserRole))) throw new Error(`There is no user ${username}.`);
      console.log(`${username} is now ${role}.`);
    });
  }
  if (command === "represent" && username && args.length > 2) {
    const organisationName = args.slice(2).join(" ");
    return withDatabase(async (db) => {
      const [user, organisation] = await Promise.all([findUserByUsername(db, username), findOrganisationByNameOrSlug(db, organisationName)]);
      if (!user) throw new Error(`There is no user ${username}.`);
      if (!organisation) throw new Error(`There is no organisation ${organisationName}.`);
      const added = await addRepresentative(db, user.id, organisation.id);
      console.log(added ? `${user.username} now speaks for ${organisation.name}.` : `${user.username} already speaks for ${organisation.name}.`);
    });
  }
  throw new Error(USAGE);
}

async function withDatabase(work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<void>) {
  const database = await openDatabase(loadConfig(), (error) => console.warn("idle connection lost:", error.message));
  try {
    await migrateToLatest(database.db);
    await work(database.db);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
