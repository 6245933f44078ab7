import { useId } from 'react'

/** Splits a label into at most two lines of about `width` characters, shortening the rest. */
function lines(text: string, width: number): string[] {
  if (text.length <= width) return [text]
  const words = text.split(/\s+/)
  const first: string[] = []
  while (words.length && [...first, words[0]].join(' ').length <= width) first.push(words.shift()!)
  if (!first.length) first.push(words.shift()!.slice(0, width))
  let second = words.join(' ')
  if (second.length > width) second = `${second.slice(0, width - 1)}…`
  return second ? [first.join(' '), second] : [first.join(' ')]
}

/**
 * The pedagogical sun as an SVG: the topic in the centre and one idea per ray.
 * The figure has a text alternative (title and <desc>) for screen readers.
 */
export function SunFigure({ centre, rays, label }: { centre: string; rays: string[]; label: string }) {
  const id = useId()
  const width = 1000
  const height = 760
  const cx = width / 2
  const cy = height / 2
  const inner = 100
  const outer = 220
  const n = Math.max(rays.length, 1)
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="sun-figure">
      <title id={`${id}-t`}>{`${label}: ${centre}`}</title>
      <desc id={`${id}-d`}>{rays.join('; ')}</desc>
      {rays.map((ray, i) => {
        const angle = (2 * Math.PI * i) / n - Math.PI / 2
        const cos = Math.cos(angle)
        const sin = Math.sin(angle)
        const anchor = Math.abs(cos) < 0.25 ? 'middle' : cos > 0 ? 'start' : 'end'
        const tx = cx + cos * (outer + 16)
        const ty = cy + sin * (outer + 16)
        const parts = lines(ray, 24)
        const shift = sin < -0.5 ? -(parts.length - 1) * 22 : sin > 0.5 ? 0 : -((parts.length - 1) * 22) / 2
        return (
          <g key={i}>
            <line x1={cx + cos * (inner + 8)} y1={cy + sin * (inner + 8)} x2={cx + cos * outer} y2={cy + sin * outer} className="sun-ray" />
            <text x={tx} y={ty + shift} textAnchor={anchor} dominantBaseline="middle" className="sun-ray-text">
              {parts.map((p, k) => (
                <tspan key={k} x={tx} dy={k === 0 ? 0 : 22}>
                  {p}
                </tspan>
              ))}
            </text>
          </g>
        )
      })}
      <circle cx={cx} cy={cy} r={inner} className="sun-core" />
      <text x={cx} y={cy - (lines(centre, 16).length - 1) * 12} textAnchor="middle" dominantBaseline="middle" className="sun-core-text">
        {lines(centre, 16).map((p, k) => (
          <tspan key={k} x={cx} dy={k === 0 ? 0 : 24}>
            {p}
          </tspan>
        ))}
      </text>
    </svg>
  )
}
