-- Extensions shared by every domain. pg_trgm is a trusted extension on PostgreSQL 13+.
create extension if not exists pg_trgm;
