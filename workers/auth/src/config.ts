import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";
import { RpcTimeoutConfig } from "../../../shared/rpc-client";

/** An ES256 private key as a JWK, with the `kid` that tokens name in their header. */
const SigningJwk = v.pipe(
  v.string(),
  v.parseJson(undefined, "must be a JSON Web Key"),
  v.looseObject({
    kty: v.literal("EC"),
    crv: v.literal("P-256"),
    kid: v.pipe(v.string(), v.minLength(1)),
    x: v.string(),
    y: v.string(),
    d: v.string("must be a private key (the `d` member is missing)"),
  }),
);

/** The previous key's public half: still listed in the JWKS while its tokens live. */
const PublicJwk = v.pipe(
  v.string(),
  v.parseJson(undefined, "must be a JSON Web Key"),
  v.looseObject({ kty: v.literal("EC"), crv: v.literal("P-256"), kid: v.string(), x: v.string(), y: v.string() }),
);

export const loadAuthConfig = configLoader(
  "auth",
  v.object({
    ...BaseConfig,
    /** How long one call to user or security may take before the request answers 503. */
    ...RpcTimeoutConfig,
    JWT_ISSUER: v.pipe(v.string(), v.url()),
    JWT_AUDIENCE: v.pipe(v.string(), v.minLength(1)),
    JWT_PRIVATE_KEY: SigningJwk,
    JWT_PREVIOUS_PUBLIC_KEY: v.union([v.pipe(v.optional(v.literal(""), ""), v.transform(() => undefined)), PublicJwk]),
    /** Reuse of a replaced refresh token this soon after its replacement is a race, not theft (contract: <= 10 s). */
    REFRESH_REUSE_GRACE_SECONDS: v.pipe(
      v.optional(v.string(), "10"),
      v.transform(Number),
      v.integer("must be a whole number of seconds"),
      v.minValue(0),
      v.maxValue(10, "must be at most 10 (the contract's bound)"),
    ),
  }),
);
export type AuthConfig = ReturnType<typeof loadAuthConfig>;
