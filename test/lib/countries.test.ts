// The country list offers each country once, by its current code, under its name.
import { describe, expect, it } from "vitest";
import { COUNTRIES, countryName, isCountry } from "../../server/lib/countries.js";

describe("countries", () => {
  it("offers current codes only: Benin, Burkina Faso, Vanuatu, Vietnam and Zimbabwe once each", () => {
    for (const withdrawn of ["DY", "HV", "NH", "VD", "RH", "UK", "BU", "ZR"]) expect(isCountry(withdrawn), withdrawn).toBe(false);
    const names = [...COUNTRIES.values()];
    expect(new Set(names).size).toBe(names.length);
    for (const current of ["BJ", "BF", "VU", "VN", "ZW", "GB", "DE"]) expect(isCountry(current), current).toBe(true);
  });

  it("names a country for the facts card and the filters", () => {
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("VN")).toBe("Vietnam");
  });
});
