import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, getJson, sendJson, setCsrfToken } from "./api-client.ts";
import type { Me } from "./api-types.ts";

interface SessionState {
  readonly me: Me | undefined;
  readonly checking: boolean;
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** Who is signed in: asks /api/auth/me once; a 401 means "show the login page". */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>();
  const [checking, setChecking] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const current = await getJson<Me>("/api/auth/me");
      setCsrfToken(current.csrfToken);
      setMe(current);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setCsrfToken(undefined);
      setMe(undefined);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setChecking(false));
  }, [refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await sendJson("/api/auth/login", { username, password });
      await refresh();
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await sendJson("/api/auth/logout", {});
    setCsrfToken(undefined);
    setMe(undefined);
  }, []);

  return (
    <SessionContext.Provider value={{ me, checking, signIn, signOut }}>{children}</SessionContext.Provider>
  );
}
