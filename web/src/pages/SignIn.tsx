// Placeholder until its page lands (issue 12 work in progress).
export function SignInPage() {
  return <main><h1>SignIn</h1></main>;
}
