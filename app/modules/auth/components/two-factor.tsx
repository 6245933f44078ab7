import { useT } from '~/components/i18n.tsx'

/** The QR code (SVG made on the server by the qrcode library) and the key to type in by hand. */
export function TotpSetup({ secret, qrSvg }: { secret: string; qrSvg: string }) {
  const t = useT()
  return (
    <div className="stack-sm">
      <p className="ds-paragraph">{t('mfa.scan')}</p>
      <div className="totp-qr" role="img" aria-label={t('mfa.qrAlt')} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="ds-paragraph">
        {t('mfa.secret')}: <code data-testid="totp-secret">{secret}</code>
      </p>
    </div>
  )
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT()
  return (
    <section className="stack-sm" aria-labelledby="recovery-heading">
      <h2 className="ds-heading" data-size="sm" id="recovery-heading">
        {t('mfa.recoveryTitle')}
      </h2>
      <p className="ds-paragraph">{t('mfa.recoveryLead')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}
