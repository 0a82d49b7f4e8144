/** A strategy card's on/off switch, labelled by the strategy's name (how people and tests find it). */
export function StrategyToggle(props: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="strategy-card__toggle">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <strong>{props.label}</strong>
    </label>
  );
}
