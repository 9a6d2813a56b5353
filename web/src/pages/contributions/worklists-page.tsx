export function WorklistsPage() {
  return null
}
