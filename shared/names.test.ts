import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { NAME_MAX_CHARACTERS, PersonName } from "./names";

const FAMILY = "👨‍👩‍👧‍👦"; // one grapheme: four emoji joined by three ZWJ, 11 UTF-16 units
const E_ACUTE = "e\u0301"; // one grapheme: e + combining acute accent

const accepts = (name: unknown) => v.safeParse(PersonName, name).success;
const why = (name: unknown) => v.safeParse(PersonName, name).issues?.[0]?.message;

describe("the person name rule", () => {
  it("counts user-perceived characters (grapheme clusters), not UTF-16 units", () => {
    expect(NAME_MAX_CHARACTERS).toBe(100);
    expect(accepts("😀".repeat(60))).toBe(true);
    expect(accepts(FAMILY.repeat(100))).toBe(true);
    expect(accepts(E_ACUTE.repeat(100))).toBe(true);
    expect(accepts("x".repeat(100))).toBe(true);
    expect(accepts("x".repeat(101))).toBe(false);
    expect(accepts("😀".repeat(101))).toBe(false);
    expect(accepts(FAMILY.repeat(101))).toBe(false);
    expect(accepts(E_ACUTE.repeat(101))).toBe(false);
    expect(why("x".repeat(101))).toBe("must be at most 100 characters");
  });

  it("trims, then needs at least one character", () => {
    expect(v.parse(PersonName, "  Ada ")).toBe("Ada");
    expect(v.parse(PersonName, "\tLovelace\n")).toBe("Lovelace");
    expect(v.parse(PersonName, ` ${"x".repeat(100)} `)).toBe("x".repeat(100));
    expect(why("  ")).toBe("must not be empty");
    expect(why("")).toBe("must not be empty");
  });

  it.each(["\uD800", "Ada\uD800", "\uDC00Ada", "\uDE00\uD83D"])("refuses the ill-formed %j (a lone surrogate)", (name) => {
    expect(why(name)).toBe("must be well-formed text (no lone surrogates)");
  });

  it.each(["a\u0000b", "Ada\u0007", "Love\u001blace", "Ada\u007f", "Ada\u0085x"])("refuses the control character in %j", (name) => {
    expect(why(name)).toBe("must not contain control characters");
  });

  it("refuses what is not a string, saying whether it is missing", () => {
    expect(why(undefined)).toBe("is required");
    expect(why(42)).toBe("must be a string");
  });
});
