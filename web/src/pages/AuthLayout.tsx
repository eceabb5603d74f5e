/** Sign-in and sign-up stand outside the signed-in frame: the brand link, then the form. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import styles from "./AuthLayout.module.css";

export const authFormClass = `card ${styles.form}`;

export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className={styles.bar}>
        <Link className="brand" to="/">
          Fafnir
        </Link>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
    </>
  );
}
