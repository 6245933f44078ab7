import type { ReactNode } from 'react'

/** The green "done" line after a form succeeded, announced to screen readers; nothing when empty. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null
  return (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{children}</p>
    </div>
  )
}
