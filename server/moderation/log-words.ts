// A log line in the reader's language: the action and the target's kind come from the
// catalogue, and so does a ban's duration in a member's label ("short_fuse (7d)").
// Labels written before they held names only keep the words they were written with.
import type { Messages } from "../i18n/index.js";
import { isBanDuration } from "./bans.js";
import { isModerationAction, isTargetType, USER_LABEL, type LogLine } from "./log.js";

export interface LogLineWords {
  action: string;
  target: string;
  label: string;
}

export function logLineWords(line: Pick<LogLine, "action" | "target_type" | "target_label">, t: Messages["moderation"]): LogLineWords {
  const action = isModerationAction(line.action) ? t.log.actions[line.action] : line.action;
  const target = isTargetType(line.target_type) ? t.log.targets[line.target_type] : line.target_type;
  const ban = line.target_type === "user" ? USER_LABEL.exec(line.target_label) : null;
  const duration = ban?.[2];
  const label = ban && duration && isBanDuration(duration) ? `${ban[1]} (${t.banDurations[duration]})` : line.target_label;
  return { action, target, label };
}
