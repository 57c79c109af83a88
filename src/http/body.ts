import type { Context } from "hono";
import * as v from "valibot";
import { BadRequestError } from "../errors.ts";
import { formatIssues } from "../format-issues.ts";

/** Reads a JSON body and checks it; a bad body is a 400 naming the field. An empty body counts as {}. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const text = await c.req.text();
  let data: unknown = {};
  if (text.trim()) {
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new BadRequestError(`request body is not valid JSON: ${(err as Error).message}`);
    }
  }
  const r = v.safeParse(schema, data);
  if (!r.success) throw new BadRequestError(`invalid request body: ${formatIssues(r.issues)}`);
  return r.output;
}
