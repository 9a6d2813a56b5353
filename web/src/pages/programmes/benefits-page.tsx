export function BenefitsPage() {
  return null
}
