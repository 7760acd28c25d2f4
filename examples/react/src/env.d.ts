interface ImportMetaEnv {
  readonly VITE_RMKIT_URL?: string;
}
