// Tailwind v4 through its PostCSS plugin (no CDN, no downloads: the engine ships in npm packages).
export default { plugins: { "@tailwindcss/postcss": {} } };
