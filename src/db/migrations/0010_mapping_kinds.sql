-- Saved column mappings serve two importers: the catalogue (product fields) and screening (manifest fields).
alter table import_mappings add column kind text not null default 'catalog' check (kind in ('catalog', 'manifest'));
alter table import_mappings drop constraint import_mappings_pkey;
alter table import_mappings add primary key (tenant_id, kind, name);
