// Placeholder until its page lands (issue 12 work in progress).
export function SignUpPage() {
  return <main><h1>SignUp</h1></main>;
}
