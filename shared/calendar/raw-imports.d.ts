// Test fixtures are read through Vite's `?raw` import, which works in both typecheck projects (no node:fs).
declare module '*.ics?raw' {
  const text: string;
  export default text;
}
