export { enqueueMail, listOutbox, type OutgoingMail } from './outbox.server.ts'
export { accessGrantedMail, inviteMail, membershipInvitationMail, resetMail } from './templates.ts'
