/**
 * The most bytes the JSON response to one operation can have, computed from the document,
 * the schema and the coerced variables before anything runs, so an operation that could
 * answer more than the limit is refused instead of answered (QUERY_TOO_COMPLEX).
 *
 * The bound follows what the executor writes: every response key once (fields merged as
 * graphql-js merges them, through fragments and inline fragments), each list as many times
 * as the most items it can hold, each leaf at the most bytes its value can take, a nullable
 * position at its value or `null`. Errors are counted too: the executor records at most one
 * error per nullable position, plus one for the whole data; each is at most `errorBytes`
 * plus its path and locations, both bounded from the document. A @skip/@include is taken
 * to let its field through.
 */
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  SchemaMetaFieldDef,
  typeFromAST,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export type Arguments = Record<string, unknown>;

/** What the schema alone does not say: how long lists and leaf values can get. */
export interface ResponseMaxima {
  /**
   * The most items list field `coordinate` ("Type.field") can return, given its coerced
   * arguments and those of the field that returned its parent object.
   */
  listItems(coordinate: string, args: Arguments, parentArgs: Arguments): number;
  /** The most bytes of the JSON of one value of leaf field `coordinate`. */
  leafBytes(coordinate: string, type: GraphQLLeafType): number;
  /** Whether field `coordinate` can fail (introspection, answered from the schema in memory, cannot). */
  canFail(coordinate: string): boolean;
  /** The most bytes of one error object, its `path` and `locations` values left out. */
  errorBytes: number;
}

/** An upper bound of a part of the response: its bytes, and how many errors it can add. */
interface Size {
  bytes: number;
  errors: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Arguments;
  maxima: ResponseMaxima;
  /** Response positions still to visit before the bound is known to be over the limit. */
  visitsLeft: number;
  /** Bytes of the longest error `path` array. */
  deepestPath: number;
  /** Most field nodes merged under one response key: an error lists the location of each. */
  mostNodes: number;
}

/** The walk stopped: the bound is over the limit, by how much no longer matters. */
class OverLimit extends Error {}

/** Each visited position writes at least `"k":0` (5 bytes) at least once. */
const LEAST_BYTES_PER_POSITION = 5;
/** `{"line":,"column":}` around a location's two numbers. */
const LOCATION_FRAME_BYTES = 19;
/** `{"errors":[` ... `],"data":` ... `}` around the errors and the data. */
const RESPONSE_FRAME_BYTES = 21;

const digits = (n: number) => String(Math.max(0, Math.floor(n))).length;

/**
 * The bound of the operation a request runs, its raw variables coerced as execution will;
 * undefined when there is no such operation or the variables do not coerce (execution
 * then refuses the request, running nothing).
 */
export function operationBound(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Arguments | null | undefined,
  maxima: ResponseMaxima,
  maxBytes: number,
): number | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (variables.errors) return undefined;
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return responseBound(schema, operation, fragments, variables.coerced, maxima, maxBytes);
}

/**
 * The bound, or Infinity once it is known to exceed `maxBytes` (the walk then stops, so a
 * fragment-heavy document cannot make the bound itself costly).
 */
export function responseBound(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Arguments,
  maxima: ResponseMaxima,
  maxBytes: number,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const walk: Walk = {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables,
    maxima,
    visitsLeft: Math.floor(maxBytes / LEAST_BYTES_PER_POSITION) + 1,
    deepestPath: 2,
    mostNodes: 1,
  };
  let data: Size;
  try {
    // A path starts with its `[`; each segment adds itself and a `,` (or the closing `]`).
    data = objectSize(walk, root, [operation.selectionSet], {}, 1);
  } catch (error) {
    if (error instanceof OverLimit) return Infinity;
    throw error;
  }
  const errors = data.errors + 1;
  const sourceDigits = digits(operation.loc?.source.body.length ?? 9_999_999);
  const locations = 2 + walk.mostNodes * (LOCATION_FRAME_BYTES + 2 * sourceDigits) + (walk.mostNodes - 1);
  const errorBytes = maxima.errorBytes + walk.deepestPath + locations;
  return RESPONSE_FRAME_BYTES + errors * errorBytes + (errors - 1) + data.bytes;
}

function objectSize(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  parentArgs: Arguments,
  path: number,
): Size {
  const fields = collectFields(walk.schema, walk.fragments, type, selectionSets);
  const size: Size = { bytes: 2 + Math.max(0, fields.size - 1), errors: 0 };
  for (const [key, nodes] of fields) {
    if (--walk.visitsLeft < 0) throw new OverLimit();
    const keyBytes = key.length + 3; // "key": (names and aliases are ASCII)
    const value = fieldSize(walk, type, nodes, parentArgs, path + keyBytes);
    size.bytes += keyBytes + value.bytes;
    size.errors += value.errors;
  }
  return size;
}

/** The response keys of `type` in these selection sets, each with its field nodes (graphql-js's CollectFields). */
export function collectFields(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visitedFragments = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (appliesTo(schema, selection.typeCondition?.name.value, type)) collect(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (visitedFragments.has(name) || !fragment) continue;
        visitedFragments.add(name);
        if (appliesTo(schema, fragment.typeCondition.name.value, type)) collect(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) collect(selectionSet);
  return fields;
}

function appliesTo(schema: GraphQLSchema, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = typeFromAST(schema, { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: condition } });
  return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
}

export function fieldDefinition(schema: GraphQLSchema, type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (type === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return type.getFields()[name];
}

/** One response key: the field, its arguments and the nodes merged under it. */
interface Position {
  coordinate: string;
  args: Arguments;
  parentArgs: Arguments;
  nodes: readonly FieldNode[];
}

function fieldSize(walk: Walk, parent: GraphQLObjectType, nodes: readonly FieldNode[], parentArgs: Arguments, path: number): Size {
  walk.mostNodes = Math.max(walk.mostNodes, nodes.length);
  walk.deepestPath = Math.max(walk.deepestPath, path);
  const node = nodes[0]!;
  if (node.name.value === "__typename") return { bytes: parent.name.length + 2, errors: 0 };
  const field = fieldDefinition(walk.schema, parent, node.name.value);
  // Validation has run: an unknown field cannot get here.
  if (!field) throw new Error(`${parent.name}.${node.name.value} is not in the schema`);
  let args: Arguments;
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    // Arguments that do not coerce fail the field before its resolver runs: null and one error.
    return { bytes: 4, errors: 1 };
  }
  return valueSize(walk, field.type, { coordinate: `${parent.name}.${field.name}`, args, parentArgs, nodes }, path);
}

function valueSize(walk: Walk, type: GraphQLOutputType, position: Position, path: number): Size {
  if (isNonNullType(type)) return nonNullSize(walk, type.ofType, position, path);
  // A nullable position holds its value, or null and (at most) one error.
  const value = nonNullSize(walk, type, position, path);
  return { bytes: Math.max(value.bytes, 4), errors: value.errors + (walk.maxima.canFail(position.coordinate) ? 1 : 0) };
}

/** `type` is never a non-null wrapper: graphql-js does not nest them. */
function nonNullSize(walk: Walk, type: GraphQLOutputType, position: Position, path: number): Size {
  if (isListType(type)) {
    const items = Math.max(0, Math.floor(walk.maxima.listItems(position.coordinate, position.args, position.parentArgs)));
    if (items === 0) return { bytes: 2, errors: 0 };
    const itemPath = path + digits(items - 1) + 1;
    walk.deepestPath = Math.max(walk.deepestPath, itemPath);
    const item = valueSize(walk, type.ofType, position, itemPath);
    return { bytes: 2 + items * item.bytes + (items - 1), errors: items * item.errors };
  }
  if (isLeafType(type)) return { bytes: walk.maxima.leafBytes(position.coordinate, type), errors: 0 };
  const selectionSets = position.nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const objectTypes = isAbstractType(type) ? walk.schema.getPossibleTypes(type) : [type];
  const sizes = objectTypes.map((t) => objectSize(walk, t, selectionSets, position.args, path));
  return { bytes: Math.max(2, ...sizes.map((s) => s.bytes)), errors: Math.max(0, ...sizes.map((s) => s.errors)) };
}
