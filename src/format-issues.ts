import * as v from "valibot";

/** One line naming each field that failed, e.g. `order_id: Invalid type: Expected number but received "7"`. */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((i) => {
      const path = v.getDotPath(i);
      if (!path) return i.message;
      if (i.type === "strict_object" && i.expected === "never") return `${path}: unknown field`;
      if (i.kind === "schema" && i.received === "undefined" && i.expected === `"${path.split(".").pop()}"`) return `${path}: missing (required)`;
      return `${path}: ${i.message}`;
    })
    .join("; ");
}
