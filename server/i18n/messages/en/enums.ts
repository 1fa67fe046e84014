// The story's enumerations as pages show them; the English wording lives in lib/enums.ts (also used by exports).
import { CHANNELS, ORGANISATION_KINDS, OUTCOMES, RESPONSE_BUCKETS, ROLES, STEP_PARTIES, STEP_RESULTS } from "../../../lib/enums.js";
import type { Channel, OrganisationKind, Outcome, ResponseBucket, Role, StepParty, StepResult } from "../../../lib/enums.js";

const channel: Record<Channel, string> = CHANNELS;
const role: Record<Role, string> = ROLES;
const outcome: Record<Outcome, string> = OUTCOMES;
const bucket: Record<ResponseBucket, string> = RESPONSE_BUCKETS;
const kind: Record<OrganisationKind, string> = ORGANISATION_KINDS;
const party: Record<StepParty, string> = STEP_PARTIES;
const result: Record<StepResult, string> = STEP_RESULTS;

export const enums = { channel, role, outcome, bucket, kind, party, result };
