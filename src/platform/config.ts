import path from 'node:path'

/** Runtime settings, read once from the environment (and `--data-dir`, which the CLI copies into SEMESTA_DATA_DIR). */
export interface Config {
  /** Server PostgreSQL; when absent Semesta runs its embedded engine in `dataDir`. */
  databaseUrl: string | undefined
  dataDir: string
  port: number
  host: string
  logLevel: string
  /** Long-lived secret for cookies; the embedded engine keeps one in its data folder when unset. */
  sessionSecret: string | undefined
  /** Seals channel partners' client secrets (64 hex digits or base64 of 32 bytes); without it, `<dataDir>/secret.key`. */
  secretKey: string | undefined
  env: 'production' | 'development' | 'test'
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' || env.VITEST ? 'test' : 'development'
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`)
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SEMESTA_DATA_DIR || 'data'),
    port,
    host: env.HOST ?? '127.0.0.1',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    sessionSecret: env.SEMESTA_SESSION_SECRET || undefined,
    secretKey: env.SEMESTA_SECRET_KEY || undefined,
    env: nodeEnv,
  }
}
