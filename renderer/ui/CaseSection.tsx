import { useState, type ReactNode } from 'react';

interface Props {
  /** Prefix for the heading and body ids. */
  id: string;
  title: string;
  defaultOpen?: boolean;
  /**
   * For a section that tells what happened to the child or what was done to her: a note shown
   * under the heading, and the section starts folded, so it is read only when the work needs it.
   */
  contentNote?: string;
  children: ReactNode;
}

/**
 * One section of the case file: an h2 whose button shows or hides the body (the disclosure
 * pattern), so the file can be walked heading by heading and folded to what the work needs.
 * A section that starts folded renders its body at the first opening, so what it lays out or asks
 * the backend for is paid only by the reader who opens it, not by every opening of the file.
 * Once rendered, the body stays mounted while hidden, so nothing half-typed in it is lost.
 */
export function CaseSection({ id, title, defaultOpen = true, contentNote, children }: Props) {
  const [open, setOpen] = useState(defaultOpen && contentNote === undefined);
  const [rendered, setRendered] = useState(open);
  return (
    <section className="panel case-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="disclosure-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => {
            setOpen(!open);
            setRendered(true);
          }}
        >
          {title}
        </button>
      </h2>
      {contentNote ? <p className="content-note">{contentNote}</p> : null}
      <div id={`${id}-body`} className="case-section-body" hidden={!open}>
        {rendered ? children : null}
      </div>
    </section>
  );
}
