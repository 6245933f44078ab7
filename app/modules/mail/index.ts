export { enqueueMail, listOutbox, type OutgoingMail } from './outbox.server.ts'
export { accessGrantedMail, inviteMail, resetMail } from './templates.ts'
