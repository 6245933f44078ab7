import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '~/components/i18n.tsx'

function mmss(totalSeconds: number) {
  const s = Math.max(0, Math.round(totalSeconds))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/** Re-renders every second while `active`; returns now. */
function useTick(active: boolean) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [active])
  return now
}

/** A stopwatch that keeps its time while paused. */
function useStopwatch() {
  const [startedAt, setStartedAt] = useState<number | null>(null)
  const [banked, setBanked] = useState(0)
  const now = useTick(startedAt !== null)
  const elapsed = banked + (startedAt !== null ? (now - startedAt) / 1000 : 0)
  const start = useCallback(() => setStartedAt((s) => s ?? Date.now()), [])
  const pause = useCallback(() => {
    setStartedAt((s) => {
      if (s !== null) setBanked((b) => b + (Date.now() - s) / 1000)
      return null
    })
  }, [])
  const reset = useCallback(() => {
    setStartedAt(null)
    setBanked(0)
  }, [])
  return { elapsed, running: startedAt !== null, start, pause, reset }
}

/** Hides its content until the browser has run JavaScript (the static page is the fallback). */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/**
 * A countdown for a reflecting-team round: 3–4 minutes. It says when three
 * minutes have passed and when the time is up.
 */
export function RoundTimer({ label, minutes, warnAt }: { label: string; minutes: number; warnAt?: number }) {
  const t = useT()
  const { elapsed, running, start, pause, reset } = useStopwatch()
  const total = minutes * 60
  const left = total - elapsed
  const state = left <= 0 ? 'done' : warnAt && elapsed >= warnAt * 60 ? 'warn' : 'ok'
  const [announced, setAnnounced] = useState('')
  const last = useRef(state)
  useEffect(() => {
    if (state !== last.current) {
      last.current = state
      if (state === 'warn') setAnnounced(t('timer.warn', { label, minutes: warnAt ?? 0 }))
      if (state === 'done') {
        setAnnounced(t('timer.done', { label }))
        pause()
      }
    }
  }, [state, label, warnAt, t, pause])
  return (
    <div className="ds-card round-timer" data-state={state}>
      <h3 className="ds-heading" data-size="xs">
        {label}
      </h3>
      <p className="timer-display" role="timer" aria-label={t('timer.left', { label })}>
        {mmss(left)}
      </p>
      <progress max={total} value={Math.min(elapsed, total)} aria-label={t('timer.progress', { label })} />
      <div className="row">
        <button type="button" className="ds-button" data-variant="primary" onClick={running ? pause : start} disabled={left <= 0}>
          {running ? t('timer.pause') : t('timer.start')}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => { reset(); setAnnounced('') }}>
          {t('timer.reset')}
        </button>
      </div>
      <p className="ds-paragraph" aria-live="assertive">
        {announced}
      </p>
    </div>
  )
}

type Block = { title: string; minutes: number }

/**
 * The facilitator's running clock: one block at a time with the time left in
 * it. Space starts and pauses, the arrow keys move between blocks.
 */
export function AgendaClock({ blocks }: { blocks: Block[] }) {
  const t = useT()
  const [index, setIndex] = useState(0)
  const { elapsed, running, start, pause, reset } = useStopwatch()
  const block = blocks[index]
  const left = block.minutes * 60 - elapsed
  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= blocks.length) return
      setIndex(to)
      reset()
    },
    [blocks.length, reset],
  )
  const toggle = useCallback(() => (running ? pause() : start()), [running, pause, start])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (target.closest('input, textarea, select, [contenteditable]')) return
      if (e.key === 'ArrowRight') go(index + 1)
      else if (e.key === 'ArrowLeft') go(index - 1)
      // On a focused button or link, space keeps its own meaning.
      else if (e.key === ' ' && !target.closest('button, a')) {
        e.preventDefault()
        toggle()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [toggle, go, index])
  return (
    <section className="ds-card agenda-clock stack" aria-labelledby="clock-heading" data-state={left < 0 ? 'over' : 'ok'}>
      <h2 className="ds-heading" data-size="sm" id="clock-heading">
        {t('facilitate.clock')}
      </h2>
      <p className="ds-paragraph" aria-live="polite" data-testid="current-block">
        {t('facilitate.block', { n: index + 1, total: blocks.length })}: <strong>{block.title}</strong>
      </p>
      <p className="timer-display" role="timer" aria-label={t('facilitate.left')} data-testid="block-clock">
        {left < 0 ? `+${mmss(-left)}` : mmss(left)}
      </p>
      <progress max={block.minutes * 60} value={Math.min(elapsed, block.minutes * 60)} aria-label={t('facilitate.progress')} />
      <div className="row">
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
          {t('facilitate.previous')}
        </button>
        <button type="button" className="ds-button" data-variant="primary" onClick={toggle}>
          {running ? t('timer.pause') : t('timer.start')}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => go(index + 1)} disabled={index === blocks.length - 1}>
          {t('facilitate.next')}
        </button>
      </div>
      <p className="ds-paragraph muted" data-size="sm">
        {t('facilitate.keys')}
      </p>
      <ol className="clock-blocks">
        {blocks.map((b, i) => (
          <li key={i} aria-current={i === index ? 'step' : undefined}>
            {b.title} ({b.minutes} min)
          </li>
        ))}
      </ol>
    </section>
  )
}
