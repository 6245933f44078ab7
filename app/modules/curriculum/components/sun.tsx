import { useId } from 'react'

/**
 * The pedagogical sun as an SVG: the topic in the centre and one idea per ray.
 * The figure has a text alternative (title and a list in <desc>) for screen
 * readers; the same words are also shown as a list next to it.
 */
export function SunFigure({ centre, rays, label }: { centre: string; rays: string[]; label: string }) {
  const id = useId()
  const size = 640
  const c = size / 2
  const inner = 92
  const outer = 210
  const n = Math.max(rays.length, 1)
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="sun-figure">
      <title id={`${id}-t`}>{`${label}: ${centre}`}</title>
      <desc id={`${id}-d`}>{rays.join('; ')}</desc>
      {rays.map((ray, i) => {
        const angle = (2 * Math.PI * i) / n - Math.PI / 2
        const x1 = c + Math.cos(angle) * (inner + 6)
        const y1 = c + Math.sin(angle) * (inner + 6)
        const x2 = c + Math.cos(angle) * outer
        const y2 = c + Math.sin(angle) * outer
        const tx = c + Math.cos(angle) * (outer + 14)
        const ty = c + Math.sin(angle) * (outer + 14)
        const anchor = Math.abs(Math.cos(angle)) < 0.2 ? 'middle' : Math.cos(angle) > 0 ? 'start' : 'end'
        return (
          <g key={i}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} className="sun-ray" />
            <text x={tx} y={ty} textAnchor={anchor} dominantBaseline="middle" className="sun-ray-text">
              {ray.length > 28 ? `${ray.slice(0, 27)}…` : ray}
            </text>
          </g>
        )
      })}
      <circle cx={c} cy={c} r={inner} className="sun-core" />
      <text x={c} y={c} textAnchor="middle" dominantBaseline="middle" className="sun-core-text">
        {centre.length > 22 ? `${centre.slice(0, 21)}…` : centre}
      </text>
    </svg>
  )
}
