/** What `figment code --ai --dry-run` says of the request before any section: the model, its API and address. */
import type { ProviderConfig } from "../../ai/client/providers.js";
import type { CliArgs } from "../common/args.js";

/** The address a request goes to: the Responses API's or chat completions'. */
export function endpointUrl(config: ProviderConfig): string {
  return `${config.baseURL}/${config.kind === "responses" ? "responses" : "chat/completions"}`;
}

/** What a dry run's JSON starts with, one frame or its sections: an estimate, of which model at which address. */
export function dryRunHead(args: CliArgs, config: ProviderConfig): Record<string, unknown> {
  return {
    dryRun: true,
    estimate: true,
    provider: args.provider,
    api: config.kind,
    endpoint: endpointUrl(config),
    model: config.model,
  };
}
