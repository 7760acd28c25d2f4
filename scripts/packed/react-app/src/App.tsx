import type {} from '@rm-kit/elements/react';
import '@rm-kit/elements/provider.js';
import '@rm-kit/elements/pair-card.js';
import { useState } from 'react';

/** The signed-in person's pair, with what the card's rm-load said once it had loaded. */
export function App({ baseUrl, token }: { baseUrl: string; token: string }) {
  const [loaded, setLoaded] = useState('');
  return (
    <rm-provider base-url={baseUrl} token={token}>
      <rm-pair-card
        variant="full"
        onrm-load={(event) => setLoaded(`${event.detail.count} loaded${event.detail.stale ? ', stale' : ''}`)}
      />
      <output>{loaded}</output>
    </rm-provider>
  );
}
