/**
 * A row of buttons, one of them pressed: the charts' stack-by choice and their chart/table
 * toggle. Its own file because both the chart card and the ACU chart use it.
 */

export function Segmented<T extends string>(props: {
  legend: string;
  options: readonly { value: T; label: string; testId: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">{props.legend}</legend>
      {props.options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === props.value}
          onClick={() => props.onChange(option.value)}
          data-testid={option.testId}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
