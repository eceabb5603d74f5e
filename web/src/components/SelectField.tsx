/** A labelled select with an optional hint tied to it (aria-describedby), styled as Field is. */
import { useId } from "react";
import styles from "./Field.module.css";

export interface SelectFieldProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly { value: Value; name: string }[];
  onChange(value: Value): void;
  hint?: string;
  name?: string;
}

export function SelectField<Value extends string>({ label, value, options, onChange, hint, name }: SelectFieldProps<Value>) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value as Value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
