/** An error the agent is meant to read: the tool call fails with this message and nothing it wrote is kept. */
export class ToolError extends Error {
  override name = "ToolError";
}
