// The custom elements come with their own issue; this entry point is where they will be
// exported from. Nothing is registered on import.
export {};
