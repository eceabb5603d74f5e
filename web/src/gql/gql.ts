/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n": typeof types.SessionFragmentDoc,
    "\n  query AdminSession {\n    me {\n      ...Session\n    }\n  }\n": typeof types.AdminSessionDocument,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": typeof types.AssignRoleDocument,
    "\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  query Settings {\n    me {\n      ...Session\n    }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n": typeof types.UpdateProfileDocument,
};
const documents: Documents = {
    "\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n": types.SessionFragmentDoc,
    "\n  query AdminSession {\n    me {\n      ...Session\n    }\n  }\n": types.AdminSessionDocument,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": types.AssignRoleDocument,
    "\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  query Settings {\n    me {\n      ...Session\n    }\n  }\n": types.SettingsDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n": types.UpdateProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSession {\n    me {\n      ...Session\n    }\n  }\n"): (typeof documents)["\n  query AdminSession {\n    me {\n      ...Session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    me {\n      ...Session\n    }\n  }\n"): (typeof documents)["\n  query Settings {\n    me {\n      ...Session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;