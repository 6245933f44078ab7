import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '~/utils/markdown.server.ts'

describe('renderMarkdown', () => {
  it('keeps formatting and ordinary links', () => {
    expect(renderMarkdown('**Fet** og [metoden](/methods/reflecting-team) og [KS](https://www.ks.no)')).toBe(
      '<p><strong>Fet</strong> og <a href="/methods/reflecting-team">metoden</a> og <a href="https://www.ks.no">KS</a></p>\n',
    )
  })

  it('removes scripts, event handlers and javascript: links written by users', () => {
    const html = renderMarkdown(
      [
        'Hei <script>alert(1)</script>',
        '<img src=x onerror="alert(2)">',
        '[klikk](javascript:alert(3))',
        '<a href="JaVaScRiPt:alert(4)">x</a>',
        '<p onclick="alert(5)" style="color:red">tekst</p>',
        '<iframe src="https://evil.example"></iframe>',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
      ].join('\n\n'),
    )
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<img|style=|data:text/i)
    expect(html).toContain('tekst')
  })
})
