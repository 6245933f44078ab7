import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PASSWORD = 'mentornett-demo'
export const AUTH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.auth')

/** Demo accounts (prisma/seed/demo-data.ts), one per role, plus other municipalities. */
export const ACCOUNTS = {
  platform_admin: 'plattform@mentornett.demo',
  national_editor: 'redaktor@ks.demo',
  municipality_admin: 'admin@trondheim.demo',
  programme_lead: 'hovedansvarlig@trondheim.demo',
  coordinator: 'koordinator@trondheim.demo',
  network_contact: 'nettverk@trondheim.demo',
  department_leader: 'leder@trondheim.demo',
  unit_leader: 'enhetsleder@trondheim.demo',
  mentor: 'mentor@trondheim.demo',
  mentee: 'nyansatt@trondheim.demo',
  farsund_admin: 'admin@farsund.demo',
  kristiansand_coordinator: 'koordinator@kristiansand.demo',
  farsund_coordinator: 'koordinator@farsund.demo',
  regional_mentor: 'regional@agder.demo',
  former_coordinator: 'tidligere.koordinator@agder.demo',
} as const
export type Account = keyof typeof ACCOUNTS

export function storageState(account: Account) {
  return path.join(AUTH_DIR, `${account}.json`)
}
