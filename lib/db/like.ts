/** Prisma hands `contains`/`startsWith`/`endsWith` to LIKE unescaped: make %, _ and \ match literally. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");
