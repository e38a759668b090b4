declare module '*.png' {
  /** Vite gives the asset's URL (small files inline as data: URLs). */
  const url: string;
  export default url;
}

declare module '*.wav' {
  const url: string;
  export default url;
}
