import { getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import type { ReactNode } from 'react'
import { translateMessage } from '~/i18n/lang.ts'
import { useT } from './i18n.tsx'

/**
 * A form validated on the server only: the same conform field wiring and the
 * same messages (400 + field errors + submitted values), but no schema and no
 * zod in the page's JavaScript. For forms on pages that should stay light.
 */
export function useServerForm(id: string, lastResult: SubmissionResult<string[]> | null | undefined, defaultValue?: Record<string, unknown>) {
  return useForm<Record<string, unknown>>({ id, lastResult, defaultValue: defaultValue as never, shouldRevalidate: 'onInput' })
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT()
  if (!errors?.length) return null
  return (
    <p className="ds-validation-message" data-color="danger" id={id}>
      {errors.map((e) => translateMessage(t, e)).join(' ')}
    </p>
  )
}

type FieldProps = {
  field: FieldMetadata<any>
  label: ReactNode
  description?: ReactNode
}

function Label({ field, label }: FieldProps) {
  return (
    <label className="ds-label" data-weight="medium" htmlFor={field.id}>
      {label}
    </label>
  )
}

function Description({ field, description }: FieldProps) {
  return description ? (
    <div className="ds-paragraph muted" data-size="sm" id={field.descriptionId}>
      {description}
    </div>
  ) : null
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'time' | 'datetime-local' | 'search'
    autoComplete?: string
    inputMode?: 'numeric' | 'text' | 'email'
  },
) {
  const { field, description, type = 'text', autoComplete, inputMode } = props
  // Conform's `key` is left out on purpose: it differs between the server render
  // and hydration, and remounting would drop what the user typed before scripts loaded.
  const { key: _key, ...inputProps } = getInputProps(field, { type, ariaDescribedBy: description ? field.descriptionId : undefined })
  return (
    <div className="ds-field">
      <Label {...props} />
      <Description {...props} />
      <input className="ds-input" {...inputProps} autoComplete={autoComplete} inputMode={inputMode} />
      <Errors id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function TextareaField(props: FieldProps & { rows?: number }) {
  const { field, description, rows = 6 } = props
  const { key: _key, ...textareaProps } = getTextareaProps(field, { ariaDescribedBy: description ? field.descriptionId : undefined })
  return (
    <div className="ds-field">
      <Label {...props} />
      <Description {...props} />
      <textarea className="ds-input" rows={rows} {...textareaProps} />
      <Errors id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { field, description, options, placeholder } = props
  const { key: _key, ...selectProps } = getSelectProps(field, { ariaDescribedBy: description ? field.descriptionId : undefined })
  return (
    <div className="ds-field">
      <Label {...props} />
      <Description {...props} />
      <select className="ds-input" {...selectProps}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors id={field.errorId} errors={field.errors} />
    </div>
  )
}

/** A group of checkboxes for one array field. */
export function CheckboxGroup(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { field, label, description, options } = props
  const selected = new Set(
    ([] as unknown[]).concat((field.initialValue as unknown) ?? []).map((v) => String(v)),
  )
  const describedBy = [description ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ')
  return (
    <fieldset className="ds-fieldset" aria-describedby={describedBy || undefined} aria-invalid={field.errors?.length ? true : undefined}>
      <legend className="ds-label" data-weight="medium">
        {label}
      </legend>
      <Description {...props} />
      <ul className="checkbox-list">
        {options.map((o) => {
          const id = `${field.id}-${o.value}`
          return (
            <li key={o.value}>
              <input className="ds-input" type="checkbox" id={id} name={field.name} value={o.value} defaultChecked={selected.has(o.value)} />
              <label htmlFor={id}>{o.label}</label>
            </li>
          )
        })}
      </ul>
      <Errors id={field.errorId} errors={field.errors} />
    </fieldset>
  )
}

export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT()
  if (!errors?.length) return null
  return (
    <div className="ds-alert" data-color="danger" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e} className="ds-paragraph">
          {translateMessage(t, e)}
        </p>
      ))}
    </div>
  )
}

export function SubmitButton({ children, name, value, variant = 'primary' }: { children: ReactNode; name?: string; value?: string; variant?: 'primary' | 'secondary' | 'tertiary' }) {
  return (
    <button type="submit" className="ds-button" data-variant={variant} name={name} value={value}>
      {children}
    </button>
  )
}
