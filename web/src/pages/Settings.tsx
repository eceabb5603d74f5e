/**
 * /settings: the profile, the password, the leaderboard switch, every session, the account
 * itself. One GraphQL request (Settings: me { ...Session }, which holds the profile, and the
 * trading account's leaderboard visibility); each change is one request of its own.
 */
import { useRef, useState, type FormEventHandler, type ReactNode } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { can, useSessionQuery, useStartOver } from "../app/session";
import { changePassword, deleteAccount, signOut } from "../auth/api";
import { givenPassword, newPassword, personName } from "../auth/rules";
import { Dialog } from "../components/Dialog";
import { failureOf } from "../components/failure";
import { Field } from "../components/Field";
import { ErrorAlert, StatusMessage } from "../components/Notice";
import { useForm } from "../components/useForm";
import { Loading, QueryError } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import styles from "./Settings.module.css";

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      firstName
      lastName
    }
  }
`);

const SettingsDocument = graphql(`
  query Settings {
    me {
      ...Session
      tradingAccount {
        id
        onLeaderboard
      }
    }
  }
`);

const SetLeaderboardVisibilityDocument = graphql(`
  mutation SetLeaderboardVisibility($visible: Boolean!) {
    setLeaderboardVisibility(visible: $visible) {
      id
      onLeaderboard
    }
  }
`);

const sectionClass = `card ${styles.section}`;

export function SettingsPage() {
  usePageTitle("Settings");
  const [{ data, error }] = useSessionQuery({ query: SettingsDocument });
  const me = data?.me;
  if (!me) return error ? <QueryError error={error} /> : <Loading />;
  const account = me.tradingAccount;
  return (
    <>
      <h1>Settings</h1>
      <ProfileForm key={me.id} firstName={me.profile?.firstName ?? ""} lastName={me.profile?.lastName ?? ""} />
      <PasswordForm />
      {can(me, "trade") && <LeaderboardSwitch key={account?.id} shown={account?.onLeaderboard ?? null} />}
      <SignOutEverywhere />
      <DeleteAccount />
    </>
  );
}

interface SectionFormProps {
  form: Pick<ReturnType<typeof useForm>, "formRef" | "alert" | "status">;
  onSubmit: FormEventHandler;
  id: string;
  title: string;
  children: ReactNode;
}

/** A settings card that is a form: its heading names it, its outcome shows above its fields. */
function SectionForm({ form, onSubmit, id, title, children }: SectionFormProps) {
  return (
    <form ref={form.formRef} className={sectionClass} onSubmit={onSubmit} noValidate aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ErrorAlert message={form.alert} />
      <StatusMessage message={form.status} />
      {children}
    </form>
  );
}

function ProfileForm(initial: { firstName: string; lastName: string }) {
  const [, updateProfile] = useMutation(UpdateProfileMutation);
  const form = useForm({
    initial,
    labels: { firstName: "First name", lastName: "Last name" },
    rules: { firstName: personName("First name"), lastName: personName("Last name") },
  });
  const onSubmit = form.submit(async ({ firstName, lastName }) => {
    const result = await updateProfile({ input: { firstName: firstName.trim(), lastName: lastName.trim() } });
    if (result.error) throw result.error;
    return "Your profile has been saved.";
  });
  return (
    <SectionForm form={form} onSubmit={onSubmit} id="profile-heading" title="Profile">
      <Field {...form.field("firstName")} autoComplete="given-name" required />
      <Field {...form.field("lastName")} autoComplete="family-name" required />
      <button type="submit" className="primary" aria-disabled={form.busy}>
        Save
      </button>
    </SectionForm>
  );
}

function PasswordForm() {
  const form = useForm({
    initial: { currentPassword: "", newPassword: "" },
    labels: { currentPassword: "Current password", newPassword: "New password" },
    rules: { currentPassword: givenPassword("Current password"), newPassword: newPassword("New password") },
  });
  const onSubmit = form.submit(async ({ currentPassword, newPassword }) => {
    await changePassword(currentPassword, newPassword);
    form.setValues({ currentPassword: "", newPassword: "" });
    return "Your password has been changed. Every other session has been signed out.";
  });
  return (
    <SectionForm form={form} onSubmit={onSubmit} id="password-heading" title="Password">
      <Field {...form.field("currentPassword")} type="password" autoComplete="current-password" required />
      <Field {...form.field("newPassword")} type="password" autoComplete="new-password" hint="At least 8 characters." required />
      <button type="submit" className="primary" aria-disabled={form.busy}>
        Change password
      </button>
    </SectionForm>
  );
}

/**
 * "Show me on the leaderboard" (role switch). Without a paper-trading account there is
 * nothing to list: the switch is there but disabled, and says why.
 */
function LeaderboardSwitch({ shown: shownAtLoad }: { shown: boolean | null }) {
  const [shown, setShown] = useState(shownAtLoad);
  const [news, setNews] = useState<string>();
  const [alert, setAlert] = useState<string>();
  const [{ fetching }, setVisibility] = useMutation(SetLeaderboardVisibilityDocument);
  const toggle = async () => {
    if (fetching || shown === null) return;
    setAlert(undefined);
    const result = await setVisibility({ visible: !shown });
    if (result.error) return setAlert(failureOf(result.error, {}).message);
    const now = result.data?.setLeaderboardVisibility.onLeaderboard;
    if (now === undefined) return;
    setShown(now);
    setNews(now ? "You are on the leaderboard; it may take up to a minute to show you." : "You are off the leaderboard.");
  };
  return (
    <section className={sectionClass} aria-labelledby="leaderboard-heading">
      <h2 id="leaderboard-heading">Leaderboard</h2>
      <ErrorAlert message={alert} />
      <StatusMessage message={news} />
      <p id="leaderboard-why">
        {shown === null ? (
          <>
            Only paper-trading accounts can be listed. Open yours on the <Link to="/">dashboard</Link> first.
          </>
        ) : (
          "Lists your first name, the initial of your last name and your return, nothing else."
        )}
      </p>
      <button
        type="button"
        role="switch"
        aria-checked={shown ?? false}
        aria-describedby="leaderboard-why"
        disabled={shown === null}
        aria-busy={fetching}
        className={styles.switch}
        onClick={() => void toggle()}
      >
        <span className={styles.track} aria-hidden="true">
          <span className={styles.thumb} />
        </span>
        Show me on the leaderboard
      </button>
    </section>
  );
}

function SignOutEverywhere() {
  const startOver = useStartOver();
  const [alert, setAlert] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    setAlert(undefined);
    try {
      await signOut(true);
      startOver("/");
    } catch (error) {
      setAlert(failureOf(error, {}).message);
      setBusy(false);
    }
  };
  return (
    <section className={sectionClass} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <ErrorAlert message={alert} />
      <p>Signs you out on every device and browser, this one included.</p>
      <button type="button" onClick={onClick} aria-disabled={busy}>
        Sign out everywhere
      </button>
    </section>
  );
}

function DeleteAccount() {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <section className={sectionClass} aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p>Deletes your account, profile, watchlist and paper-trading account for good.</p>
      <button ref={opener} type="button" className="danger" onClick={() => setAsking(true)}>
        Delete account
      </button>
      {asking && (
        <Dialog title="Delete your account?" opener={opener} onClose={() => setAsking(false)}>
          {(close) => <DeleteAccountForm onCancel={close} />}
        </Dialog>
      )}
    </section>
  );
}

function DeleteAccountForm({ onCancel }: { onCancel(): void }) {
  const startOver = useStartOver();
  const form = useForm({ initial: { password: "" }, labels: { password: "Password" }, rules: { password: givenPassword() } });
  const onSubmit = form.submit(async ({ password }) => {
    await deleteAccount(password);
    startOver("/");
    return undefined;
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <p>This cannot be undone. Enter your password to confirm.</p>
      <ErrorAlert message={form.alert} />
      <Field {...form.field("password")} type="password" autoComplete="current-password" required />
      <div className={styles.actions}>
        <button type="submit" className="danger" aria-disabled={form.busy}>
          Yes, delete my account
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
