// npm run content:check — validates every file in content/ and prints file: field: message.
import { loadContent } from './content.server.ts'
import { loadPlanTemplates } from '../mentee-plans/templates.server.ts'

const { content, errors: contentErrors } = loadContent()
const plans = loadPlanTemplates()
const errors = [...contentErrors, ...plans.errors]
for (const e of errors) console.error(e)
const sessions = content.curricula.reduce((n, c) => n + c.sessions.length, 0)
console.log(`content: ${content.curricula.length} curricula (${sessions} sessions), ${content.methods.length} methods, ${content.literature.length} literature entries, ${plans.templates.length} plan templates, ${errors.length} errors`)
process.exit(errors.length ? 1 : 0)
