// The HTTP client comes with its own issue. Until then the SDK already gives scripts the
// contract's types, so what they send and receive is typed from day one.
export type * from '@rm-kit/core';
