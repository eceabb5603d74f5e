/**
 * The OpenAPI 3.1 document of the auth API, served at GET /auth/openapi.json. Paths and
 * methods come from the route table (shared/auth-routes.ts), request bodies from the very
 * valibot schemas the routes parse with (./schemas.ts), converted by valibot's own
 * @valibot/to-json-schema: the document cannot drift from what the routes accept.
 */
import { toJsonSchema, type JsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import { AUTH_ROUTES } from "../../../shared/auth-routes";
import { HttpErrorStatus } from "../../../shared/errors";
import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from "./http";
import { ACCESS_TOKEN_TTL_SECONDS, MAX_BODY_BYTES, REFRESH_TOKEN_TTL_SECONDS } from "./limits";
import { DeleteAccountBody, LoginBody, LogoutBody, PasswordBody, RefreshBody, RegisterBody } from "./schemas";

interface RequestBodyDoc {
  schema: v.GenericSchema;
  /** A body the route accepts. */
  example: Record<string, unknown>;
  /** Refresh and logout by cookie take no body at all. */
  optional?: boolean;
}

export interface OperationDoc {
  summary: string;
  /** Bearer token (or the access cookie with the CSRF header) required. */
  signedIn?: boolean;
  body?: RequestBodyDoc;
  /** Success status, its description and, when it has one, the component of its body. */
  success: { status: number; description: string; schema?: keyof typeof RESPONSE_SCHEMAS };
  /** The error codes this operation can answer (shared/errors.ts). */
  errors: (keyof typeof HttpErrorStatus)[];
}

const BODY_ERRORS = ["BAD_REQUEST", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const;
const ALWAYS = ["RATE_LIMITED", "INTERNAL", "SERVICE_UNAVAILABLE"] as const;

const string = { type: "string" } as const;
const strings = { type: "array", items: string } as const;
const integer = { type: "integer" } as const;

const AccessToken = {
  accessToken: { ...string, description: "ES256 JWT for `Authorization: Bearer`" },
  tokenType: { const: "Bearer" },
  expiresIn: { ...integer, description: `seconds (${ACCESS_TOKEN_TTL_SECONDS})` },
};
const RefreshToken = {
  refreshToken: { ...string, description: "single use: every refresh returns a new one" },
  refreshExpiresIn: { ...integer, description: `seconds (${REFRESH_TOKEN_TTL_SECONDS})` },
};
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: "object",
  properties,
  required,
});

/** What the routes answer (their code builds these bodies; the request side is valibot's). */
const RESPONSE_SCHEMAS = {
  Session: object({ user: object({ id: string, email: string, roles: strings }), ...AccessToken, ...RefreshToken }),
  Refreshed: object({ ...AccessToken, ...RefreshToken }, Object.keys(AccessToken)),
  Me: object({ id: string, email: string, roles: strings, createdAt: { ...string, format: "date-time" } }),
  JsonWebKeySet: object({ keys: { type: "array", items: { type: "object" } } }),
  OpenApiDocument: { type: "object" },
  Error: object({
    error: object(
      {
        code: { enum: Object.keys(HttpErrorStatus) },
        message: string,
        details: { type: "array", items: object({ field: string, message: string }) },
      },
      ["code", "message"],
    ),
  }),
} satisfies Record<string, JsonSchema>;

const SIGN_IN_ERRORS = [...BODY_ERRORS, "INVALID_CREDENTIALS", ...ALWAYS] as const;

/** Every operation of the route table, by path and method. */
export const OPERATIONS: Record<string, Record<string, OperationDoc>> = {
  "/auth/register": {
    POST: {
      summary: "Create an account (role member) and sign in: tokens in the body and the three session cookies.",
      body: { schema: RegisterBody, example: { email: "ada@example.com", password: "correct horse battery", firstName: "Ada", lastName: "Lovelace" } },
      success: { status: 201, description: "Signed in.", schema: "Session" },
      errors: [...BODY_ERRORS, "CONFLICT", ...ALWAYS],
    },
  },
  "/auth/login": {
    POST: {
      summary: "Sign in with email and password: tokens in the body and the three session cookies.",
      body: { schema: LoginBody, example: { email: "member@fafnir.dev", password: "fafnir-dev-member" } },
      success: { status: 200, description: "Signed in.", schema: "Session" },
      errors: [...SIGN_IN_ERRORS],
    },
  },
  "/auth/refresh": {
    POST: {
      summary: `New tokens for a refresh token: from the body, or else the ${REFRESH_COOKIE} cookie (then the ${CSRF_HEADER} header is required and the answer sets fresh cookies instead of returning the refresh token).`,
      body: { schema: RefreshBody, example: { refreshToken: "3q2-7wEXAMPLEonlyEXAMPLEonlyEXAMPLEonly" }, optional: true },
      success: { status: 200, description: "New access token (and, from a body token, the new refresh token).", schema: "Refreshed" },
      errors: [...BODY_ERRORS, "UNAUTHENTICATED", "SESSION_REVOKED", "CSRF_FAILED", ...ALWAYS],
    },
  },
  "/auth/logout": {
    POST: {
      summary: "End this session (or, with all: true, every session of the user). Takes an access token, even expired, or the session's current refresh token.",
      body: { schema: LogoutBody, example: { all: true }, optional: true },
      success: { status: 204, description: "Signed out; the session cookies are cleared." },
      errors: [...BODY_ERRORS, "UNAUTHENTICATED", "CSRF_FAILED", ...ALWAYS],
    },
  },
  "/auth/me": {
    GET: {
      summary: "The signed-in account.",
      signedIn: true,
      success: { status: 200, description: "The account.", schema: "Me" },
      errors: ["UNAUTHENTICATED", "CSRF_FAILED", "INTERNAL", "SERVICE_UNAVAILABLE"],
    },
  },
  "/auth/password": {
    POST: {
      summary: "Change the password; every other session of the user ends.",
      signedIn: true,
      body: { schema: PasswordBody, example: { currentPassword: "fafnir-dev-member", newPassword: "a brand new passphrase" } },
      success: { status: 204, description: "Changed." },
      errors: [...BODY_ERRORS, "UNAUTHENTICATED", "INVALID_CREDENTIALS", "CSRF_FAILED", ...ALWAYS],
    },
  },
  "/auth/account": {
    DELETE: {
      summary: "Delete the account, its profile, watchlist, roles and sessions. The last admin cannot (409, nothing deleted).",
      signedIn: true,
      body: { schema: DeleteAccountBody, example: { password: "fafnir-dev-member" } },
      success: { status: 204, description: "Deleted; the session cookies are cleared." },
      errors: [...BODY_ERRORS, "UNAUTHENTICATED", "INVALID_CREDENTIALS", "CSRF_FAILED", "CONFLICT", ...ALWAYS],
    },
  },
  "/auth/.well-known/jwks.json": {
    GET: {
      summary: "The public keys that verify access tokens (cacheable for 5 minutes).",
      success: { status: 200, description: "JSON Web Key Set.", schema: "JsonWebKeySet" },
      errors: ["INTERNAL"],
    },
  },
  "/auth/openapi.json": {
    GET: {
      summary: "This document.",
      success: { status: 200, description: "OpenAPI 3.1 document of /auth/*.", schema: "OpenApiDocument" },
      errors: ["INTERNAL"],
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The request side in JSON Schema 2020-12 (OpenAPI 3.1's dialect), as the client sends it. */
export const requestBodySchema = (schema: v.GenericSchema): JsonSchema => {
  const { $schema: _dialect, ...jsonSchema } = toJsonSchema(schema, { target: "draft-2020-12", typeMode: "input", errorMode: "ignore" });
  return jsonSchema;
};

function operationObject(path: string, method: string, doc: OperationDoc) {
  const responses: Record<string, unknown> = {
    [doc.success.status]: {
      description: doc.success.description,
      ...(doc.success.schema && { content: { "application/json": { schema: ref(doc.success.schema) } } }),
    },
  };
  const codesByStatus = Map.groupBy(new Set(doc.errors), (code) => String(HttpErrorStatus[code]));
  for (const [status, codes] of codesByStatus) {
    responses[status] = { description: codes.join(", "), content: { "application/json": { schema: ref("Error") } } };
  }
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[^a-z]+(.)?/gi, (_, c: string | undefined) => c?.toUpperCase() ?? "")}`,
    summary: doc.summary,
    ...(doc.signedIn && { security: [{ bearer: [] }, { accessCookie: [] }] }),
    ...(doc.body && {
      requestBody: {
        required: !doc.body.optional,
        description: `JSON, at most ${MAX_BODY_BYTES} bytes. Unknown fields are ignored.`,
        content: { "application/json": { schema: requestBodySchema(doc.body.schema), example: doc.body.example } },
      },
    }),
    responses,
  };
}

export function openApiDocument() {
  const paths = Object.fromEntries(
    Object.entries(AUTH_ROUTES).map(([path, methods]) => [
      path,
      Object.fromEntries(
        methods.map((method) => {
          const doc = OPERATIONS[path]?.[method];
          if (!doc) throw new Error(`${method} ${path} is in the route table but not documented`);
          return [method.toLowerCase(), operationObject(path, method, doc)];
        }),
      ),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: { title: "Fafnir auth API", version: "1", description: "Accounts, sign-in and sessions. Every error body is `{ error: { code, message, details? } }`; docs/auth-api.md in the repository explains each route." },
    paths,
    components: {
      schemas: RESPONSE_SCHEMAS,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        accessCookie: { type: "apiKey", in: "cookie", name: ACCESS_COOKIE, description: `Also send the ${CSRF_HEADER} header equal to the ${CSRF_COOKIE} cookie on POST and DELETE.` },
      },
    },
  };
}
