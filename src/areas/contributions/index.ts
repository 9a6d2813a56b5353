/** The contributions area (dues, status, allocation). For now its pure domain; db/, http/ and the CLI build on it. */
export * from './domain/index.js'
