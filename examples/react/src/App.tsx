import '@rm-kit/elements/rm-kit.js';
import type {} from '@rm-kit/elements/react';
import type { RmEventDetails } from '@rm-kit/elements/rm-kit.js';
import { useEffect, useState } from 'react';
import { demoToken, RMKIT_URL } from './sign-in.js';

export function App() {
  const [token, setToken] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [partnerShown, setPartnerShown] = useState(false);
  const [lastSession, setLastSession] = useState<RmEventDetails['rm-session-logged'] | null>(null);
  const [feedbackCount, setFeedbackCount] = useState(0);

  useEffect(() => {
    demoToken().then(setToken, (error: Error) => setFailure(error.message));
  }, []);

  if (failure) return <p role="alert">{failure}</p>;
  if (!token) return <p>Signing in…</p>;
  const mentoring = (
    <rm-provider base-url={RMKIT_URL} token={token}>
      <rm-pair-card onrm-load={() => setPartnerShown(true)} />
      <rm-session-log onrm-session-logged={(event) => setLastSession(event.detail)} />
      <rm-feedback-form onrm-feedback-submitted={() => setFeedbackCount((count) => count + 1)} />
    </rm-provider>
  );
  return (
    <main>
      <h1>Reverse mentoring</h1>
      <p data-testid="status">
        {lastSession
          ? `Last saved session: ${lastSession.session.summary || 'no summary'}${lastSession.pending ? ' (waiting to be sent)' : ''}`
          : partnerShown
            ? 'Your pair is shown below; no session logged from this page yet.'
            : 'Loading your pair…'}
        {feedbackCount > 0 && ` · Feedback answers sent: ${feedbackCount}`}
      </p>
      {mentoring}
    </main>
  );
}
