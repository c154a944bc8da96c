/** The public disclosure register (công khai, niêm yết). */
export * from './disclosure';
export * from './disclosure-rules';
export * from './disclosure-schemas';
