/** /sign-in: email and password; afterwards the page that sent the person here, or /. */
import { Link, useSearchParams } from "react-router";
import { useStartOver } from "../app/session";
import { signIn } from "../auth/api";
import { safeNextPath } from "../auth/next-path";
import { givenPassword, signInEmail } from "../auth/rules";
import { Field } from "../components/Field";
import { ErrorAlert } from "../components/Notice";
import { useForm } from "../components/useForm";
import { usePageTitle } from "../components/usePageTitle";
import { AuthLayout, authFormClass } from "./AuthLayout";

export function SignInPage() {
  usePageTitle("Sign in");
  const [params] = useSearchParams();
  const startOver = useStartOver();
  const form = useForm({
    initial: { email: "", password: "" },
    labels: { email: "Email", password: "Password" },
    rules: { email: signInEmail, password: givenPassword() },
  });
  const next = safeNextPath(params.get("next"));

  const onSubmit = form.submit(async ({ email, password }) => {
    await signIn(email.trim(), password);
    startOver(next);
    return undefined;
  });

  return (
    <AuthLayout>
      <h1>Sign in</h1>
      <form ref={form.formRef} className={authFormClass} onSubmit={onSubmit} noValidate>
        <ErrorAlert message={form.alert} />
        <Field {...form.field("email")} type="email" autoComplete="username" required />
        <Field {...form.field("password")} type="password" autoComplete="current-password" required />
        <button type="submit" className="primary" aria-disabled={form.busy}>
          Sign in
        </button>
      </form>
      <p>
        New here? <Link to="/sign-up">Create an account</Link>
      </p>
    </AuthLayout>
  );
}
