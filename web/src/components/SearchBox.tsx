/**
 * The top bar's "Search stocks" field, on every signed-in page. On /search it is that page's
 * field too (one field per page, not two): it shows the page's q, and submitting goes to
 * /search?q=..., which the page answers.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { checkSearchQuery, searchPath } from "./search-query";
import styles from "./SearchBox.module.css";
import { VisuallyHidden } from "./VisuallyHidden";

export function SearchBox() {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const onSearchPage = pathname === "/search";
  const current = onSearchPage ? (params.get("q") ?? "") : "";
  const [text, setText] = useState(current);
  const [shownFor, setShownFor] = useState(current);
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  // A new address (a search, back, a result link) shows its own query: adjusted while
  // rendering rather than remounting, so the field keeps the keyboard focus.
  if (shownFor !== current) {
    setShownFor(current);
    setText(current);
    setProblem(undefined);
  }

  // The search page without a query is waiting for one: put the cursor where it goes.
  useEffect(() => {
    if (onSearchPage && current === "") input.current?.focus();
  }, [onSearchPage, current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSearchQuery(text);
    if (!checked.ok) return setProblem(checked.message);
    setProblem(undefined);
    navigate(searchPath(checked.query));
  };

  return (
    <form role="search" className={styles.form} onSubmit={submit} noValidate>
      <VisuallyHidden as="label" htmlFor={`${id}-q`}>
        Search stocks
      </VisuallyHidden>
      <input
        ref={input}
        id={`${id}-q`}
        className={styles.input}
        type="search"
        name="q"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Symbol or company"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <button type="submit">Search</button>
      {problem && (
        <p id={`${id}-problem`} className={`field-error ${styles.problem}`}>
          {problem}
        </p>
      )}
    </form>
  );
}
