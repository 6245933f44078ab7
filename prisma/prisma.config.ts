import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'prisma/config'

const here = path.dirname(fileURLToPath(import.meta.url))
// The CLI insists on a native schema engine binary even for `generate`, which
// does not use it; point it at a stub so nothing is downloaded (see docs/decisions.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, 'tools/no-schema-engine.sh')

export default defineConfig({
  schema: path.join(here, 'schema.prisma'),
})
