import type {} from '@rm-kit/elements/react';
import '@rm-kit/elements/provider.js';
import '@rm-kit/elements/pair-card.js';
import { useState } from 'react';

/**
 * The signed-in person's pair, with what the card's rm-load said once it had loaded. The
 * token comes from a callback, as an identity library gives it: React sets it as a property.
 */
export function App({ baseUrl, getToken }: { baseUrl: string; getToken: () => Promise<string> }) {
  const [loaded, setLoaded] = useState('');
  return (
    <rm-provider base-url={baseUrl} getToken={getToken}>
      <rm-pair-card
        variant="full"
        onrm-load={(event) => setLoaded(`${event.detail.count} loaded${event.detail.stale ? ', stale' : ''}`)}
      />
      <output>{loaded}</output>
    </rm-provider>
  );
}
