// Demo data: Trondheim as in the 2018 pilot (six units), Farsund and
// Kristiansand smaller, Bjørnafjorden in nynorsk. Development only; the log-ins are listed in the README.
import type { MunicipalRole } from '../../app/modules/auth/roles.ts'

export const DEMO_PASSWORD = 'mentornett-demo'

export type DemoPerson = { name: string; email: string; roles: MunicipalRole[]; unit?: string }
export type DemoMunicipality = {
  slug: string
  name: string
  defaultLanguage: 'nb' | 'nn' | 'en'
  districts: string[]
  units: { name: string; serviceType: 'home_care' | 'hvs'; district?: string }[]
  people: DemoPerson[]
}

const trondheimMentors: [string, string][] = [
  ['Åse Øverås', 'Bergheim hjemmetjeneste'],
  ['Marit Kvernmo', 'Bergheim hjemmetjeneste'],
  ['Ingrid Solberg', 'Valentinlyst hjemmetjeneste'],
  ['Sigrid Hårstad', 'Valentinlyst hjemmetjeneste'],
  ['Jonas Bjørgen', 'Munkvoll hjemmetjeneste'],
  ['Kari Ødegård', 'Munkvoll hjemmetjeneste'],
  ['Eirik Lund', 'Dragvoll helse- og velferdssenter'],
  ['Hanne Aune', 'Dragvoll helse- og velferdssenter'],
  ['Randi Strøm', 'Ilsvika helse- og velferdssenter'],
  ['Tone Ærø', 'Ilsvika helse- og velferdssenter'],
  ['Bente Zahl', 'Zion helse- og velferdssenter'],
  ['Anders Moe', 'Zion helse- og velferdssenter'],
]

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  {
    slug: 'trondheim',
    name: 'Trondheim',
    defaultLanguage: 'nb',
    districts: ['Midtbyen', 'Østbyen', 'Lerkendal', 'Heimdal'],
    units: [
      { name: 'Bergheim hjemmetjeneste', serviceType: 'home_care', district: 'Heimdal' },
      { name: 'Valentinlyst hjemmetjeneste', serviceType: 'home_care', district: 'Østbyen' },
      { name: 'Munkvoll hjemmetjeneste', serviceType: 'home_care', district: 'Lerkendal' },
      { name: 'Dragvoll helse- og velferdssenter', serviceType: 'hvs', district: 'Østbyen' },
      { name: 'Ilsvika helse- og velferdssenter', serviceType: 'hvs', district: 'Midtbyen' },
      { name: 'Zion helse- og velferdssenter', serviceType: 'hvs', district: 'Midtbyen' },
    ],
    people: [
      { name: 'Tove Admin Hansen', email: 'admin@trondheim.demo', roles: ['municipality_admin'] },
      { name: 'Gunn Hovedansvarlig Berg', email: 'hovedansvarlig@trondheim.demo', roles: ['programme_lead'] },
      { name: 'Liv Koordinator Nilsen', email: 'koordinator@trondheim.demo', roles: ['coordinator'] },
      { name: 'Per Nettverk Aas', email: 'nettverk@trondheim.demo', roles: ['network_contact', 'mentor'], unit: 'Dragvoll helse- og velferdssenter' },
      { name: 'Siri Avdelingsleder Vik', email: 'leder@trondheim.demo', roles: ['department_leader'], unit: 'Bergheim hjemmetjeneste' },
      { name: 'Arne Avdelingsleder Dahl', email: 'leder.ilsvika@trondheim.demo', roles: ['department_leader'], unit: 'Ilsvika helse- og velferdssenter' },
      { name: 'Mona Enhetsleder Lie', email: 'enhetsleder@trondheim.demo', roles: ['unit_leader'], unit: 'Bergheim hjemmetjeneste' },
      ...trondheimMentors.map(([name, unit], i) => ({
        name,
        email: i === 0 ? 'mentor@trondheim.demo' : `mentor${i + 1}@trondheim.demo`,
        roles: ['mentor'] as MunicipalRole[],
        unit,
      })),
      { name: 'Emma Nyansatt Brekke', email: 'nyansatt@trondheim.demo', roles: ['mentee'], unit: 'Bergheim hjemmetjeneste' },
      { name: 'Ola Nordvik', email: 'nyansatt2@trondheim.demo', roles: ['mentee'], unit: 'Valentinlyst hjemmetjeneste' },
      { name: 'Nora Øien', email: 'nyansatt3@trondheim.demo', roles: ['mentee'], unit: 'Dragvoll helse- og velferdssenter' },
      { name: 'Ali Hassan', email: 'nyansatt4@trondheim.demo', roles: ['mentee'], unit: 'Zion helse- og velferdssenter' },
    ],
  },
  {
    slug: 'farsund',
    name: 'Farsund',
    defaultLanguage: 'nb',
    districts: ['Farsund sentrum', 'Vanse'],
    units: [
      { name: 'Farsund hjemmesykepleie', serviceType: 'home_care', district: 'Farsund sentrum' },
      { name: 'Farsund omsorgssenter', serviceType: 'hvs', district: 'Vanse' },
    ],
    people: [
      { name: 'Helge Admin Eide', email: 'admin@farsund.demo', roles: ['municipality_admin'] },
      { name: 'Berit Koordinator Sandvik', email: 'koordinator@farsund.demo', roles: ['coordinator', 'programme_lead'] },
      { name: 'Kristin Haugland', email: 'mentor@farsund.demo', roles: ['mentor'], unit: 'Farsund hjemmesykepleie' },
      { name: 'Lars Ågedal', email: 'mentor2@farsund.demo', roles: ['mentor'], unit: 'Farsund omsorgssenter' },
      { name: 'Camilla Rosseland', email: 'leder@farsund.demo', roles: ['department_leader'], unit: 'Farsund omsorgssenter' },
      { name: 'Sofie Kvinlaug', email: 'nyansatt@farsund.demo', roles: ['mentee'], unit: 'Farsund omsorgssenter' },
    ],
  },
  {
    slug: 'kristiansand',
    name: 'Kristiansand',
    defaultLanguage: 'nb',
    districts: ['Vågsbygd', 'Lund', 'Søm'],
    units: [
      { name: 'Hjemmetjenesten sone Vågsbygd', serviceType: 'home_care', district: 'Vågsbygd' },
      { name: 'Hjemmetjenesten sone Lund', serviceType: 'home_care', district: 'Lund' },
      { name: 'Hjemmetjenesten sone Søm', serviceType: 'home_care', district: 'Søm' },
    ],
    people: [
      { name: 'Jorunn Admin Tveit', email: 'admin@kristiansand.demo', roles: ['municipality_admin'] },
      { name: 'Vidar Koordinator Skaar', email: 'koordinator@kristiansand.demo', roles: ['coordinator'] },
      { name: 'Maria Gundersen', email: 'mentor@kristiansand.demo', roles: ['mentor'], unit: 'Hjemmetjenesten sone Vågsbygd' },
      { name: 'Thea Åsland', email: 'mentor2@kristiansand.demo', roles: ['mentor'], unit: 'Hjemmetjenesten sone Lund' },
      { name: 'Henrik Ørbeck', email: 'mentor3@kristiansand.demo', roles: ['mentor'], unit: 'Hjemmetjenesten sone Søm' },
      { name: 'Silje Fjeld', email: 'nyansatt@kristiansand.demo', roles: ['mentee'], unit: 'Hjemmetjenesten sone Lund' },
    ],
  },
  {
    // A nynorsk municipality: everyone without a language of their own sees nynorsk.
    slug: 'bjornafjorden',
    name: 'Bjørnafjorden',
    defaultLanguage: 'nn',
    districts: ['Os', 'Fusa'],
    units: [
      { name: 'Os heimeteneste', serviceType: 'home_care', district: 'Os' },
      { name: 'Fusa heimeteneste', serviceType: 'home_care', district: 'Fusa' },
      { name: 'Os sjukeheim', serviceType: 'hvs', district: 'Os' },
    ],
    people: [
      { name: 'Ragnhild Admin Tysse', email: 'admin@bjornafjorden.demo', roles: ['municipality_admin'] },
      { name: 'Solveig Koordinator Hauge', email: 'koordinator@bjornafjorden.demo', roles: ['coordinator', 'programme_lead'] },
      { name: 'Synnøve Lepsøy', email: 'mentor@bjornafjorden.demo', roles: ['mentor'], unit: 'Os heimeteneste' },
      { name: 'Torbjørn Vinnes', email: 'mentor2@bjornafjorden.demo', roles: ['mentor'], unit: 'Os sjukeheim' },
      { name: 'Gro Eikeland', email: 'mentor3@bjornafjorden.demo', roles: ['mentor'], unit: 'Fusa heimeteneste' },
      { name: 'Halvor Avdelingsleiar Strønen', email: 'leiar@bjornafjorden.demo', roles: ['department_leader'], unit: 'Os heimeteneste' },
      { name: 'Ingvild Søfteland', email: 'nytilsett@bjornafjorden.demo', roles: ['mentee'], unit: 'Os heimeteneste' },
    ],
  },
]

/** A mentor enrolled in regional programmes of two municipalities. */
export const REGIONAL_PERSON = {
  name: 'Guro Regional Aasen',
  email: 'regional@agder.demo',
  memberships: [
    { slug: 'farsund', roles: ['mentor'] as MunicipalRole[], unit: 'Farsund hjemmesykepleie' },
    { slug: 'kristiansand', roles: ['mentor'] as MunicipalRole[], unit: 'Hjemmetjenesten sone Søm' },
  ],
}

/**
 * A coordinator who moved from Kristiansand to Farsund: still named coordinator
 * of a Kristiansand run, but deactivated there (the authorization matrix checks
 * that this grants nothing).
 */
export const FORMER_COORDINATOR = {
  name: 'Tor Tidligere Koordinator',
  email: 'tidligere.koordinator@agder.demo',
  active: { slug: 'farsund', roles: ['coordinator'] as MunicipalRole[] },
  deactivated: { slug: 'kristiansand', roles: ['coordinator'] as MunicipalRole[] },
}

export const PLATFORM_PEOPLE = [
  { name: 'Platon Plattform', email: 'plattform@mentornett.demo', role: 'platform_admin' as const },
  { name: 'Kari KS Redaktør', email: 'redaktor@ks.demo', role: 'national_editor' as const },
]
