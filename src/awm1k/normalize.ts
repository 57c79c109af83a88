/**
 * The reference's scenario key: lower-case, every `[^a-z0-9_]` to `_`, runs of `_`
 * collapsed, ends stripped. "DocuSign (E-Signature & Agreement Workflow)" becomes
 * "docusign_e_signature_agreement_workflow". Every join between AWM files uses it.
 */
export function normalizeScenarioName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "");
}
