/** The notifications domain: rules and templates as data, the pure planner. Safe for the web app. */
export * from './rules.js'
export { renderMessage, type MessageParams } from './templates.js'
export {
  planParticipant, planReceipt, planPemdaNote, channelFor, formatMonthId,
  type PlannedMessage, type ParticipantSubject, type SubjectType, type OptOut,
} from './plan.js'
