export * from './measures.js'
export * from './denominators.js'
export * from './pacing.js'
export * from './report.js'
