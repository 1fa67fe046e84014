// Made-up organisations and members for the generated data set. The names are
// invented on purpose: generated figures must never be pinned on a real company.
import type { OrganisationKind } from "../lib/enums.js";
import { organisationKey } from "../lib/slug.js";
import type { Random } from "./random.js";

const STEMS = ["Nor", "Vel", "Kes", "Ar", "Bri", "Cal", "Dun", "El", "Fen", "Gal", "Hal", "Is", "Jor", "Kal", "Lum", "Mar", "Nex", "Or", "Pra", "Quin", "Ros", "Sol", "Tor", "Ul", "Ver", "Wes", "Xan", "Yar", "Zen", "Bel", "Cor", "Dra", "Ev", "Fal", "Gre", "Hel"];
const LINKS = ["a", "e", "i", "o", "ex", "on", "an", "ar", "el", "is", "u", "y"];
const ENDINGS = ["tel", "tron", "via", "dex", "com", "line", "net", "ware", "mart", "ton", "gard", "field", "vo", "ra", "sys", "max", "lia", "ko"];

// What the organisation does decides its kind and what its customers buy.
const TRADES: readonly { word: string; kind: OrganisationKind; products: readonly string[] }[] = [
  { word: "Mobile", kind: "carrier", products: ["mobile contract", "roaming bill", "number port", "SIM swap", "phone upgrade"] },
  { word: "Telecom", kind: "carrier", products: ["landline", "broadband contract", "phone bill", "fibre installation"] },
  { word: "Broadband", kind: "carrier", products: ["fibre installation", "router", "broadband contract", "cancellation fee"] },
  { word: "Electronics", kind: "manufacturer", products: ["smartphone pre-order", "laptop", "smart TV", "headphones", "graphics card", "external hard drive"] },
  { word: "Appliances", kind: "manufacturer", products: ["washing machine", "fridge", "dishwasher", "oven", "vacuum cleaner"] },
  { word: "Motors", kind: "manufacturer", products: ["e-bike", "car repair", "warranty claim", "recall repair"] },
  { word: "Games", kind: "manufacturer", products: ["console", "controller", "game licence", "account ban"] },
  { word: "Retail", kind: "retailer", products: ["online order", "refund", "gift card", "delivery", "price match"] },
  { word: "Stores", kind: "retailer", products: ["in-store return", "delivery", "extended warranty", "pre-order"] },
  { word: "Market", kind: "marketplace", products: ["marketplace order", "seller refund", "counterfeit item", "buyer protection claim"] },
  { word: "Airlines", kind: "service", products: ["flight refund", "lost luggage", "cancelled flight", "voucher"] },
  { word: "Bank", kind: "service", products: ["card chargeback", "account closure", "frozen account", "loan payment"] },
  { word: "Energy", kind: "service", products: ["energy bill", "meter reading", "final bill", "tariff switch"] },
  { word: "Insurance", kind: "service", products: ["insurance claim", "policy cancellation", "premium increase"] },
  { word: "Software", kind: "service", products: ["subscription", "licence refund", "account recovery", "data export"] },
  { word: "Logistics", kind: "service", products: ["parcel delivery", "lost parcel", "customs fee", "damaged parcel"] },
];

const FORMS = ["", "", "", " Ltd", " GmbH", " Inc.", " AG", " Group"];

export interface FakeOrganisation {
  name: string;
  kind: OrganisationKind;
  products: readonly string[];
}

/** `count` organisations with distinct alias keys, in the order they are drawn. */
export function fakeOrganisations(random: Random, count: number): FakeOrganisation[] {
  const seen = new Set<string>();
  const out: FakeOrganisation[] = [];
  // Several stems × links × endings × trades × forms: far more than 10,000 names.
  for (let attempts = 0; out.length < count; attempts++) {
    if (attempts > count * 50) throw new Error(`could only invent ${out.length} distinct organisation names`);
    const trade = random.pick(TRADES);
    const stem = random.pick(STEMS) + random.pick(LINKS) + random.pick(ENDINGS);
    const name = `${stem} ${trade.word}${random.pick(FORMS)}`;
    const key = organisationKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, kind: trade.kind, products: trade.products });
  }
  return out;
}

const FIRST = ["anna", "ben", "carla", "dev", "elif", "finn", "greta", "hugo", "ines", "jonas", "kim", "lena", "marco", "nina", "omar", "paula", "quentin", "rosa", "sami", "tom", "ulla", "vik", "wen", "yusuf", "zoe", "jens", "priya", "sofia", "mateo", "aiko"];
const LAST = ["k", "m", "weber", "smith", "ng", "rossi", "berg", "lopez", "kaur", "tan", "fischer", "dubois", "silva", "park", "novak"];

/** `count` distinct usernames (letters, digits, underscore). */
export function fakeUsernames(random: Random, count: number, tag = ""): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const base = `${random.pick(FIRST)}_${random.pick(LAST)}`;
    const name = `${base}${random.chance(0.7) ? random.int(1, 9999) : ""}${tag}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}
