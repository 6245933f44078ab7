/** Who does a write, for scoping and the audit log: the signed-in user, the municipality they act in, their address. */
export type Actor = { userId: string; municipalityId: string; ip?: string | null }

/** An actor who may act outside any municipality (a network member from elsewhere, a platform role). */
export type AnyActor = Omit<Actor, 'municipalityId'> & { municipalityId: string | null }
