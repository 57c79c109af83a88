import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { eagerCopyBackend, lazyCopyBackend } from "../../src/db/copy-on-write.ts";
import { openTemplate } from "../../src/db/template.ts";
import { notesTemplate } from "../helpers.ts";
import { backendContract } from "./backend.case.ts";

backendContract(lazyCopyBackend);
backendContract(eagerCopyBackend);

describe("lazy-copy", () => {
  test("an episode that only reads never gets a file of its own", async () => {
    const fx = await notesTemplate();
    const t = openTemplate(fx.path);
    const db = lazyCopyBackend.open(t, join(fx.dir.episodes, "read-only.db"));
    db.beginCall();
    db.all("SELECT * FROM notes");
    db.endCall(true);
    expect(db.materialized).toBe(false);
    expect(await Bun.file(db.file).exists()).toBe(false);
    db.close();
    t.close();
    fx.cleanup();
  });
});
