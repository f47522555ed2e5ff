-- Tariff schedules, each stored as an edition with an effective date; a later revision is added beside the old one.
create table tariff_editions (
  id serial primary key,
  schedule text not null check (schedule in ('hs', 'us_hts')),
  code text not null,
  name text not null,
  effective_from date not null,
  source_file text not null,
  source_sha256 text not null,
  imported_at timestamptz not null default now(),
  unique (schedule, code)
);

create table hs_sections (
  edition_id integer not null references tariff_editions (id) on delete cascade,
  section text not null,
  position smallint not null,
  name text not null,
  primary key (edition_id, section)
);

-- Every row of a schedule as printed, numbered or not; the tree is kept by parent_row/ancestor_rows.
create table tariff_lines (
  edition_id integer not null references tariff_editions (id) on delete cascade,
  row_no integer not null,
  code text,
  code_dotted text,
  level smallint not null,
  indent smallint not null,
  parent_row integer,
  ancestor_rows integer[] not null,
  chapter char(2),
  section text,
  description text not null,
  path_text text not null,
  units text[] not null,
  general_raw text,
  special_raw text,
  column2_raw text,
  rate_from_row integer,
  general_rate jsonb,
  special_rate jsonb,
  column2_rate jsonb,
  quota_quantity text,
  additional_duties text,
  is_pseudo boolean not null default false,
  search_doc tsvector generated always as (
    setweight(to_tsvector('english', description), 'A') || setweight(to_tsvector('english', path_text), 'B')
  ) stored,
  primary key (edition_id, row_no)
);
create index tariff_lines_code on tariff_lines (edition_id, code text_pattern_ops);
create index tariff_lines_parent on tariff_lines (edition_id, parent_row);
create index tariff_lines_search on tariff_lines using gin (search_doc);
create index tariff_lines_trgm on tariff_lines using gin (description gin_trgm_ops);
