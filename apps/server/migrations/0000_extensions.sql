-- Extensions present on both engines (PGlite bundles, Debian's postgresql-15 contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
