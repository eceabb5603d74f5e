/**
 * Limits on what one document may ask for, so a single request cannot make the gateway
 * parse, validate or fan out without bound. Over a limit: QUERY_TOO_COMPLEX. The cost, the
 * size of the response it can produce, is response-size.ts's.
 *
 * Tokens are counted by graphql-js itself (parse's maxTokens) rather than armor's
 * max-tokens, which imports graphql/language/parser: esbuild resolves that path to the
 * CommonJS build, a second graphql whose GraphQLError yoga does not recognize, and every
 * parse error then surfaces as a 500.
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { GraphQLArmorCallbackConfiguration } from "@escape.tech/graphql-armor-types";
import { GraphQLError, parse, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { GraphQLErrorCode } from "../../../../shared/errors";
import type { GatewayConfig } from "../config";
import type { RequestContext } from "../graphql/context";
import { gatewayError } from "./errors";

export const tooComplex = (message: string) =>
  gatewayError(GraphQLErrorCode.QUERY_TOO_COMPLEX, message, { status: 400, spec: true });

/** Armor reports a breach as a thrown "Syntax Error"; report it as a validation error with our code. */
const reportTooComplex: GraphQLArmorCallbackConfiguration = {
  propagateOnRejection: false,
  onReject: [(context, error) => context?.reportError(tooComplex(error.message.replace(/^Syntax Error: /, "")))],
};

type LimitSettings = Pick<GatewayConfig, "GRAPHQL_MAX_DEPTH" | "GRAPHQL_MAX_ALIASES" | "GRAPHQL_MAX_DIRECTIVES">;

/**
 * yoga caches validation results by the rules' names: a name per limit value keeps
 * two configurations from sharing a cached verdict.
 */
function named(rule: ValidationRule, name: string): ValidationRule {
  return Object.defineProperty(rule, "name", { value: name });
}

const rulesByConfig = new WeakMap<LimitSettings, ValidationRule[]>();

function limitRules(config: LimitSettings): ValidationRule[] {
  let rules = rulesByConfig.get(config);
  if (!rules) {
    rules = [
      named(maxDepthRule({ n: config.GRAPHQL_MAX_DEPTH, ...reportTooComplex }), `MaxDepth${config.GRAPHQL_MAX_DEPTH}`),
      // __typename counts too: a thousand aliased __typename still cost a thousand results.
      named(
        maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, allowList: [], ...reportTooComplex }),
        `MaxAliases${config.GRAPHQL_MAX_ALIASES}`,
      ),
      named(
        maxDirectivesRule({ n: config.GRAPHQL_MAX_DIRECTIVES, ...reportTooComplex }),
        `MaxDirectives${config.GRAPHQL_MAX_DIRECTIVES}`,
      ),
    ];
    rulesByConfig.set(config, rules);
  }
  return rules;
}

/** graphql-js aborts a parse past maxTokens with this message ("more that" in 16.x). */
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:an|at) \d+ tokens/;

function parseWithTokenLimit(maxTokens: number): typeof parse {
  return (source, options) => {
    try {
      return parse(source, { ...options, maxTokens });
    } catch (error) {
      if (error instanceof GraphQLError && TOKEN_LIMIT_MESSAGE.test(error.message)) {
        throw tooComplex(`Token limit of ${maxTokens} exceeded.`);
      }
      throw error;
    }
  };
}

export function useQueryLimits(): Plugin<RequestContext, RequestContext> {
  return {
    onParse({ context, setParseFn }) {
      setParseFn(parseWithTokenLimit(context.config.GRAPHQL_MAX_TOKENS));
    },
    onValidate({ context, addValidationRule }) {
      for (const rule of limitRules(context.config)) addValidationRule(rule);
    },
  };
}
