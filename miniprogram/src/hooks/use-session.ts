import { useEffect, useState } from 'react';
import { currentSession, onSessionChange, type Session } from '../services/session';

/**
 * The stored session, kept current: sign-in and sign-out on another page, and a 401 answer to any
 * call (the API client clears the session), re-render every page that uses it.
 */
export function useSession(): Session | undefined {
  const [session, setSession] = useState<Session | undefined>(() => currentSession());
  useEffect(() => {
    const unsubscribe = onSessionChange(setSession);
    // A change between the first render and this effect would otherwise go unheard.
    setSession(currentSession());
    return unsubscribe;
  }, []);
  return session;
}
