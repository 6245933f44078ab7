import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/lang.server.ts'
import { attendanceCsv, attendanceGrid } from '~/modules/attendance/index.ts'
import { requireProgramme } from '~/modules/programmes/index.ts'

/** Attendance as CSV for Norwegian Excel (semicolons, UTF-8 with BOM, formula-safe cells). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programmeId, viewer } = await requireProgramme(request, params.id, 'manage', 'record:attendance')
  const { lang } = await getT(request, viewer)
  const csv = attendanceCsv(await attendanceGrid(programmeId), lang)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="oppmote-${programmeId}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
