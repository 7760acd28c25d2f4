import type { AadTokenProviderFactory } from '@microsoft/sp-http';

/**
 * The `getToken` `<rm-provider>` asks before each request: an Entra ID access token for the
 * rm-kit API (`resource`, its Application ID URI, e.g. `api://<client-id>`), from
 * SharePoint's own token provider. The provider is asked for once; its `getToken` keeps the
 * token and refreshes it before it expires, so asking it every time costs nothing.
 * Make one per web part and keep it: `<rm-provider>` makes a new client for a new function.
 */
export function entraTokenCallback(
  factory: Pick<AadTokenProviderFactory, 'getTokenProvider'>,
  resource: string,
): () => Promise<string> {
  let provider: ReturnType<AadTokenProviderFactory['getTokenProvider']> | undefined;
  return async () => {
    provider ??= factory.getTokenProvider();
    try {
      return await (await provider).getToken(resource);
    } catch (error) {
      // A failed sign-in is asked again next time instead of being kept.
      provider = undefined;
      throw error;
    }
  };
}
