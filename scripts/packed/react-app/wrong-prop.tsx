import type {} from '@rm-kit/elements/react';

// Copied into the app's src by packed.test.ts: the type check must refuse it.
export const Wrong = () => <rm-pair-card variant="huge" />;
