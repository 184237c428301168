export function UnitTreeNav(_props: { onSelect?: () => void }) {
  return null;
}
