export function ImportsPage() {
  return null
}
