/**
 * Where the local dev session lives, read in this one place by `npm run dev`, `migrate`,
 * `seed` and `metrics -- --local`, so they always agree: FAFNIR_DEV_STATE (the persisted
 * D1/KV state, default .wrangler/dev-state) and FAFNIR_DEV_PORT (the gateway's port,
 * default 8787).
 */
export interface DevSettings {
  stateDir: string;
  port: number;
  /** The gateway the session serves: GraphQL at /graphql, the auth API at /auth/. */
  url: string;
}

export class DevSettingError extends Error {}

export function devSettings(env: NodeJS.ProcessEnv): DevSettings {
  const stateDir = env.FAFNIR_DEV_STATE || ".wrangler/dev-state";
  const portText = env.FAFNIR_DEV_PORT || "8787";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new DevSettingError(`FAFNIR_DEV_PORT must be a port number (1 to 65535), not "${portText}"`);
  }
  return { stateDir, port, url: `http://localhost:${port}` };
}

function settingsOrExit(): DevSettings {
  try {
    return devSettings(process.env);
  } catch (error) {
    if (!(error instanceof DevSettingError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const { stateDir: DEV_STATE_DIR, port: DEV_PORT, url: DEV_URL } = settingsOrExit();
