// Server-side entry points of the auth module (import from routes and other modules).
export * from './roles.ts'
export { can, getViewer, permissionScope, requireMunicipalityId, requirePermission, requireUser, viewerRoles, type Viewer } from './viewer.server.ts'
export { endSession, readSessionId, setCurrentMunicipality, startSession } from './session.server.ts'
export { accessOf, loginWithPassword, type LoginOutcome } from './login.server.ts'
export { changePassword, setLanguagePreference, invite, inviteInTx, lookupToken, requestPasswordReset, setPasswordWithToken, type Invitation, type InviteOutcome } from './accounts.server.ts'
export { acceptInvitation, declineInvitation, listMyInvitations, listPendingEnrolments, protectedRecipients } from './invitations.server.ts'
export { hashPassword } from './password.server.ts'
export { consume as consumeRateLimit, type LimitName } from './rate-limit.server.ts'
