import { createContext, useContext } from 'react'

// The per-request CSP nonce, handed from Express (getLoadContext) to
// entry.server.tsx and on to every inline script Remix renders.
const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
