/**
 * A form's state: its values, each field's error, the form's alert and status, and a submit
 * that checks the rules first, then runs the action. Problems land on their fields (the
 * browser's rules or the server's `details`) and focus moves to the first invalid field, so
 * a keyboard or screen-reader user lands where the fix is.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { check, type FieldErrors, type Rule } from "../auth/rules";
import { failureOf, type FieldOfCode } from "./failure";
import type { FieldProps } from "./Field";

export interface FormOptions<Name extends string> {
  initial: Record<Name, string>;
  labels: Record<Name, string>;
  rules: Record<Name, Rule>;
  fieldOfCode?: FieldOfCode<NoInfer<Name>>;
}

/** An action's answer: a status sentence to show, or undefined (it navigates away, say). */
export type FormAction<Name extends string> = (values: Record<Name, string>) => Promise<string | undefined>;

export function useForm<Name extends string>({ initial, labels, rules, fieldOfCode }: FormOptions<Name>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<Name>>({});
  const [alert, setAlert] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const field = (name: Name): Pick<FieldProps, "name" | "label" | "value" | "onChange" | "error"> => ({
    name,
    label: labels[name],
    value: values[name],
    error: errors[name],
    onChange: (value) => {
      setValues((current) => ({ ...current, [name]: value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    },
  });

  const submit = (action: FormAction<Name>) => async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(undefined);
    setStatus(undefined);
    const problems = check(rules, values);
    setErrors(problems);
    setAttempts((n) => n + 1);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      setStatus(await action(values));
    } catch (error) {
      const failure = failureOf(error, labels, fieldOfCode);
      setErrors(failure.fields);
      setAlert(failure.message);
      setAttempts((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return { formRef, values, setValues, field, alert, status, busy, submit };
}
