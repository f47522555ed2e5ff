-- Count an edition's lines once, at import, instead of on every look-up that resolves the edition.
alter table tariff_editions add column line_count integer not null default 0;
update tariff_editions e set line_count = (select count(*) from tariff_lines l where l.edition_id = e.id);
