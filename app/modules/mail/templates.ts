import { translate, type Lang } from '~/i18n/index.ts'

export type MailContent = { subject: string; text: string }

export function inviteMail(lang: Lang, v: { name: string; municipality: string; link: string; days: number }): MailContent {
  return { subject: translate(lang, 'mail.invite.subject', v), text: translate(lang, 'mail.invite.body', v) }
}

export function accessGrantedMail(lang: Lang, v: { name: string; municipality: string; link: string }): MailContent {
  return { subject: translate(lang, 'mail.access.subject', v), text: translate(lang, 'mail.access.body', v) }
}

export function membershipInvitationMail(lang: Lang, v: { name: string; municipality: string; link: string }): MailContent {
  return { subject: translate(lang, 'mail.invitation.subject', v), text: translate(lang, 'mail.invitation.body', v) }
}

export function resetMail(lang: Lang, v: { name: string; link: string; minutes: number }): MailContent {
  return { subject: translate(lang, 'mail.reset.subject', v), text: translate(lang, 'mail.reset.body', v) }
}
