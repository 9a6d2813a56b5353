import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { parseNotificationRules, type NotificationRules } from './domain/index.js'

export const NOTIFICATIONS_FILE = fileURLToPath(new URL('../../../reference/notifications.yaml', import.meta.url))

let cached: NotificationRules | undefined

/** reference/notifications.yaml: the dated rules and the templates (read once per process). */
export function loadNotificationRules(file: string = NOTIFICATIONS_FILE): NotificationRules {
  if (file !== NOTIFICATIONS_FILE) return parseNotificationRules(parseYaml(fs.readFileSync(file, 'utf8')))
  cached ??= parseNotificationRules(parseYaml(fs.readFileSync(file, 'utf8')))
  return cached
}
