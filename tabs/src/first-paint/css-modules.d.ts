/** Plain stylesheets imported for their effect; Vite links them from index.html. */
declare module '*.css';
