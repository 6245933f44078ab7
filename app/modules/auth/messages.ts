// Texts for invitations to existing accounts and for refused requests (issue 8).
export const nb = {
  'mail.invitation.subject': 'Invitasjon fra {municipality} i Mentornett',
  'mail.invitation.body':
    'Hei {name}!\n\n{municipality} vil gi deg tilgang i Mentornett. Du har allerede en konto. Logg inn og godta eller avslå invitasjonen under «Min konto»:\n\n{link}\n\nFør du har godtatt, får {municipality} ingen tilgang til kontoen din.\n\nHilsen Mentornett',
  'invitations.title': 'Invitasjoner',
  'invitations.lead': 'Disse kommunene har invitert deg. Du får rollene først når du godtar.',
  'invitations.programme': 'Påmelding til {programme}',
  'invitations.accept': 'Godta',
  'invitations.decline': 'Avslå',
  'invitations.accepted': 'Invitasjonen er godtatt.',
  'invitations.declined': 'Invitasjonen er avslått.',
  'invitations.pending': 'Venter på svar',
  'request.tooLarge': 'Forespørselen er for stor.',
  'request.tooLargeLead': 'Skjemaet sendte mer data enn vi tar imot. CSV-filer kan være opptil 2 MB; andre skjemaer er mye mindre.',
  'request.unsupported': 'Skjemaet må sendes som et vanlig skjema.',
  'request.tooMany': 'For mange forsøk. Vent litt og prøv igjen.',
  'request.badInput': 'Ugyldig verdi i forespørselen.',
}

export const nn: Record<keyof typeof nb, string> = {
  'mail.invitation.subject': 'Invitasjon frå {municipality} i Mentornett',
  'mail.invitation.body':
    'Hei {name}!\n\n{municipality} vil gi deg tilgang i Mentornett. Du har allereie ein konto. Logg inn og godta eller avslå invitasjonen under «Kontoen min»:\n\n{link}\n\nFør du har godteke, får {municipality} inga tilgang til kontoen din.\n\nHelsing Mentornett',
  'invitations.title': 'Invitasjonar',
  'invitations.lead': 'Desse kommunane har invitert deg. Du får rollene først når du godtek.',
  'invitations.programme': 'Påmelding til {programme}',
  'invitations.accept': 'Godta',
  'invitations.decline': 'Avslå',
  'invitations.accepted': 'Invitasjonen er godteken.',
  'invitations.declined': 'Invitasjonen er avslått.',
  'invitations.pending': 'Ventar på svar',
  'request.tooLarge': 'Førespurnaden er for stor.',
  'request.tooLargeLead': 'Skjemaet sende meir data enn vi tek imot. CSV-filer kan vere opptil 2 MB; andre skjema er mykje mindre.',
  'request.unsupported': 'Skjemaet må sendast som eit vanleg skjema.',
  'request.tooMany': 'For mange forsøk. Vent litt og prøv igjen.',
  'request.badInput': 'Ugyldig verdi i førespurnaden.',
}

export const en: Record<keyof typeof nb, string> = {
  'mail.invitation.subject': 'Invitation from {municipality} in Mentornett',
  'mail.invitation.body':
    'Hello {name}!\n\n{municipality} would like to give you access in Mentornett. You already have an account. Sign in and accept or decline the invitation under "My account":\n\n{link}\n\nUntil you accept, {municipality} gets no access to your account.\n\nBest regards, Mentornett',
  'invitations.title': 'Invitations',
  'invitations.lead': 'These municipalities have invited you. You get the roles only when you accept.',
  'invitations.programme': 'Enrolment in {programme}',
  'invitations.accept': 'Accept',
  'invitations.decline': 'Decline',
  'invitations.accepted': 'The invitation is accepted.',
  'invitations.declined': 'The invitation is declined.',
  'invitations.pending': 'Awaiting reply',
  'request.tooLarge': 'The request is too large.',
  'request.tooLargeLead': 'The form sent more data than we accept. CSV files may be up to 2 MB; other forms much less.',
  'request.unsupported': 'The form must be sent as an ordinary form.',
  'request.tooMany': 'Too many attempts. Wait a little and try again.',
  'request.badInput': 'Invalid value in the request.',
}
