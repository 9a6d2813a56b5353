/**
 * The notifications area (issue 11 item 2): rules and templates as data, the pure planner, the outbox and opt-outs,
 * and the channel adapters (WhatsApp and SMS behind one interface, a local file sink by default).
 */
export * from './domain/index.js'
export { loadNotificationRules, NOTIFICATIONS_FILE } from './reference-files.js'
export { writeOutbox, pendingMessages, finishMessage, failMessage, listMessagesOf, setOptOut, optOutsOf, type OutboxRow } from './db/outbox.js'
export { planReminders, type ReminderPlanInput, type ReminderRule } from './db/plan-reminders.js'
export { type ChannelAdapter, type OutgoingMessage, type SendLog } from './channels/adapter.js'
export { fileSinkAdapter, readSink, sinkFileIn, type SinkLine } from './channels/file-sink.js'
