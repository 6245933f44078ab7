// npm run content:check — validates every file in content/ and prints file: field: message.
import { loadContent } from './content.server.ts'
import { loadPlanTemplates } from '../mentee-plans/templates.server.ts'
import { loadSurveyTemplates } from '../outcomes/surveys-content.server.ts'

const { content, errors: contentErrors } = loadContent()
const plans = loadPlanTemplates()
const surveys = loadSurveyTemplates()
const errors = [...contentErrors, ...plans.errors, ...surveys.errors]
for (const e of errors) console.error(e)
const sessions = content.curricula.reduce((n, c) => n + c.sessions.length, 0)
console.log(`content: ${content.curricula.length} curricula (${sessions} sessions), ${content.methods.length} methods, ${content.literature.length} literature entries, ${plans.templates.length} plan templates, ${surveys.templates.length} survey templates, ${errors.length} errors`)
process.exit(errors.length ? 1 : 0)
