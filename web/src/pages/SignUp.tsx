/** /sign-up: a new account, signed in at once (registration sets the session cookies). */
import { Link } from "react-router";
import { useStartOver } from "../app/session";
import { register } from "../auth/api";
import { newEmail, newPassword, personName, PASSWORD_MIN_LENGTH } from "../auth/rules";
import { Field } from "../components/Field";
import { ErrorAlert } from "../components/Notice";
import { useForm } from "../components/useForm";
import { usePageTitle } from "../components/usePageTitle";
import { AuthLayout, authFormClass } from "./AuthLayout";

export function SignUpPage() {
  usePageTitle("Create account");
  const startOver = useStartOver();
  const form = useForm({
    initial: { email: "", password: "", firstName: "", lastName: "" },
    labels: { email: "Email", password: "Password", firstName: "First name", lastName: "Last name" },
    rules: { email: newEmail, password: newPassword(), firstName: personName("First name"), lastName: personName("Last name") },
    // The server's word for a taken email; it belongs beside the email field.
    fieldOfCode: { CONFLICT: "email" },
  });

  const onSubmit = form.submit(async ({ email, password, firstName, lastName }) => {
    await register({ email: email.trim(), password, firstName: firstName.trim(), lastName: lastName.trim() });
    startOver("/");
    return undefined;
  });

  return (
    <AuthLayout>
      <h1>Create account</h1>
      <form ref={form.formRef} className={authFormClass} onSubmit={onSubmit} noValidate>
        <ErrorAlert message={form.alert} />
        <Field {...form.field("email")} type="email" autoComplete="email" required />
        <Field
          {...form.field("password")}
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; a phrase of a few words is easy to remember.`}
          required
        />
        <Field {...form.field("firstName")} autoComplete="given-name" required />
        <Field {...form.field("lastName")} autoComplete="family-name" required />
        <button type="submit" className="primary" aria-disabled={form.busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
