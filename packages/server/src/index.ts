// The reference server comes with its own issue; this entry point is where its app
// factory will be exported from.
export {};
