// Placeholder until its page lands (issue 12 work in progress).
export function SettingsPage() {
  return <h1>Settings</h1>;
}
