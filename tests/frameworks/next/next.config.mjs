// NEXT_DIST_DIR: which build `next start` serves (.next-turbopack or .next-webpack).
export default { distDir: process.env.NEXT_DIST_DIR ?? ".next" };
