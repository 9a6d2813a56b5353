export * from './money.js'
export * from './month.js'
export * from './dates.js'
export * from './errors.js'
