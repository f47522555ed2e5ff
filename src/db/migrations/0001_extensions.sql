-- Extensions shared by every domain, always in schema public so every schema's search path sees them.
-- (Without "schema public", CREATE EXTENSION installs into the first schema of the search path.)
create extension if not exists pg_trgm schema public;
do $$
begin
  if (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm') <> 'public' then
    alter extension pg_trgm set schema public;
  end if;
end $$;
