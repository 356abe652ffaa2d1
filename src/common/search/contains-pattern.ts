/** An ILIKE pattern that finds `text` anywhere, its own `%`, `_` and `\` taken literally (Postgres' default escape is `\`). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
