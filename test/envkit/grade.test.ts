import { expect, test } from "bun:test";
import { grade } from "../../src/envkit/index.ts";

test("all checks true is complete, some is incomplete, none is others", () => {
  expect(grade({ a: true, b: true }).verdict).toBe("complete");
  expect(grade({ a: true, b: false }).verdict).toBe("incomplete");
  expect(grade({ a: false, b: false }).verdict).toBe("others");
  expect(grade({}).verdict).toBe("others");
});

test("the checks and extra facts come back as facts", () => {
  expect(grade({ a: true }, { expected: 3 }).facts).toEqual({ checks: { a: true }, expected: 3 });
});
