// Spots what looks like an e-mail address or a phone number, so the form can
// ask the author to confirm before it is published about a named company.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the usual separators; judged by its digit count below.
const PHONE_LIKE = /(?:\+|\(|\b)\d[\d \u00a0().\/-]{6,}\d\b/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The e-mail addresses and phone numbers found in the texts, each once. */
export function findPersonalData(...texts: (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(EMAIL)) found.add(m[0]);
    for (const m of text.matchAll(PHONE_LIKE)) {
      const candidate = m[0].trim();
      const digits = candidate.replace(/\D/g, "").length;
      // 9 to 15 digits is a phone number almost everywhere (E.164); dates and prices are shorter.
      if (digits >= 9 && digits <= 15 && !ISO_DATE.test(candidate)) found.add(candidate);
    }
  }
  return [...found].slice(0, 5);
}

export const CONFIRM_FIELD = "confirm_personal";
