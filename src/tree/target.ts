/**
 * What a row opens (a presigned URL is made for it) and what Copy ID / Copy ARN copies: data over
 * the AWS model, each kind's target written in its file (src/kinds/<kind>.ts), named here too for
 * the rows and the commands (src/commands/), which work with it without knowing the node classes.
 */
export type { CopyFields, UrlTarget } from '../kinds/index';
