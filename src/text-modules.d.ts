// Files imported as text (Bun's `with { type: "text" }`).
declare module "*.py" {
  const text: string;
  export default text;
}
declare module "*.md" {
  const text: string;
  export default text;
}
declare module "*.css" {
  const text: string;
  export default text;
}
declare module "*/live-stats.js" {
  const text: string;
  export default text;
}
