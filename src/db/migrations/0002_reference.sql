-- Global reference data (not tenant-owned: on Citus these become reference tables).

-- One row per imported source file: what was loaded, from which bytes, and how long it took.
create table reference_imports (
  source text primary key,
  file_name text not null,
  sha256 text not null,
  rows integer not null,
  edition_id integer,
  imported_at timestamptz not null default now(),
  duration_ms integer not null
);

create table countries (
  alpha2 char(2) primary key,
  alpha3 char(3),
  numeric_code char(3),
  name_en text not null,
  name_zh text,
  official_name_en text,
  official_name_zh text,
  currency_code text,
  region text,
  sub_region text,
  is_independent boolean
);

create table currencies (
  row_no integer primary key,
  entity text not null,
  name text not null,
  code char(3),
  numeric_code char(3),
  minor_unit smallint,
  withdrawal_date text
);
create index currencies_code on currencies (code);

create table locations (
  row_no integer primary key,
  locode char(5) not null,
  country char(2) not null,
  name text not null,
  name_ascii text,
  subdivision text,
  status text,
  function text,
  is_port boolean not null,
  is_airport boolean not null,
  is_icd boolean not null,
  is_border_crossing boolean not null,
  iata text,
  lat double precision,
  lon double precision
);
create index locations_locode on locations (locode);

create table hazmat_entries (
  row_id integer primary key,
  symbols text,
  proper_shipping_name text not null,
  hazard_class text,
  un_number text,
  packing_group text,
  label_codes text,
  special_provisions text,
  packaging_exceptions text,
  packaging_nonbulk text,
  packaging_bulk text,
  passenger_max_qty text,
  cargo_only_max_qty text,
  vessel_stowage text,
  vessel_other text
);
create index hazmat_un_number on hazmat_entries (un_number);

create table sdn_entries (
  ent_num integer primary key,
  name text not null,
  sdn_type text,
  program text,
  title text,
  call_sign text,
  vessel_type text,
  tonnage text,
  grt text,
  vessel_flag text,
  vessel_owner text,
  remarks text
);
create index sdn_name_trgm on sdn_entries using gin (name gin_trgm_ops);
