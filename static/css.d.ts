// Stylesheets are imported for their side effect only; esbuild bundles them into build/index.css.
declare module '*.css';
