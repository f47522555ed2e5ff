-- Catalogue imports ("100k rows in seconds"): evidence once per import, and no index the application cannot use.
--
-- Evidence: an import logs ONE catalog.imported ledger record (subject import:<id>: the file's SHA-256, counts, market,
-- editions, actor) instead of one classification.decided record per imported code. Each classification an import
-- writes names the import, so a product's traceability timeline reaches that record. Nullable without a default, so
-- adding it rewrites nothing; no foreign key and no index of its own: the timeline reads it through a product's
-- classifications (product_classifications_current), and a key checked per row would cost a 100,000-row import more
-- than the rows themselves.
alter table product_classifications add column import_id text;

-- Two GIN indexes no query of the application can use: it runs as a role bound by row-level security, and PostgreSQL
-- applies an index condition before the policy only for leakproof operators, which ILIKE (the product search) and
-- array containment are not, so the search and the tag filter scan the tenant's products with or without them. Kept
-- up to date, they were a third of the cost of writing products: about 1.2 s of server CPU on PostgreSQL and 4.5 s
-- on PGlite per 100,000 imported.
drop index products_title_trgm;
drop index products_tags;
