import { defineConfig } from 'drizzle-kit'

/**
 * One Drizzle schema (each area's db/schema.ts, each platform module's schema.ts) → one SQL migration folder,
 * applied on both engines by src/platform/db/migrate.ts. PostgreSQL 15 features only (DESIGN.md §5).
 * Generate with: npx drizzle-kit generate --name <what-changed>
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/areas/*/db/schema.ts', './src/platform/*/schema.ts'],
  out: './migrations',
  strict: true,
  verbose: true,
})
