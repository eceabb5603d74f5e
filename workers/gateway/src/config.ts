import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";
import { RpcTimeoutConfig } from "../../../shared/rpc-client";
import { HardeningConfig } from "./hardening/config";

/** A comma-separated list of origins allowed to call the API from a browser. */
const OriginList = v.pipe(
  v.optional(v.string(), ""),
  v.transform((list) => list.split(",").map((o) => o.trim()).filter(Boolean)),
  v.array(v.pipe(v.string(), v.url("each entry must be an origin such as https://app.example.com"))),
);

export const loadGatewayConfig = configLoader(
  "gateway",
  v.object({
    ...BaseConfig,
    CORS_ORIGINS: OriginList,
    ...HardeningConfig,
    JWT_ISSUER: v.pipe(v.string(), v.url()),
    JWT_AUDIENCE: v.pipe(v.string(), v.minLength(1)),
    /** How long one call to an internal service may take before its fields give up. */
    ...RpcTimeoutConfig,
  }),
);
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
