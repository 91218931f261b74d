/** Skill id → name from content/skills/skills.json, made by the skill-names plugin in vite.config.ts. */
declare module 'virtual:skill-names' {
  const names: Readonly<Record<string, string>>;
  export default names;
}
