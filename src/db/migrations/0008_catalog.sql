-- The commodity master: suppliers, products (versioned), per-market classifications, certificates, import mappings.

create table suppliers (
  tenant_id text not null references tenants (id),
  id text not null,
  name_en text not null,
  name_zh text,
  country char(2),
  address text,
  contacts jsonb not null default '[]',
  compliance_score numeric(5, 2),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index suppliers_name on suppliers (tenant_id, lower(name_en));

create table products (
  tenant_id text not null references tenants (id),
  id text not null,
  sku text not null,
  version integer not null default 1,
  title_en text,
  title_zh text,
  description_en text,
  description_zh text,
  brand text,
  model text,
  materials jsonb not null default '[]',
  function_use text,
  ingredients text,
  origin_country char(2),
  supplier_id text,
  net_weight_kg numeric(14, 4),
  gross_weight_kg numeric(14, 4),
  dimensions jsonb,
  declared_unit_value numeric(16, 4),
  currency char(3),
  image_urls text[] not null default '{}',
  tags text[] not null default '{}',
  regulated jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  primary key (tenant_id, id),
  unique (tenant_id, sku),
  foreign key (tenant_id, supplier_id) references suppliers (tenant_id, id),
  check (title_en is not null or title_zh is not null)
);
create index products_tags on products using gin (tags);
create index products_title_trgm on products using gin ((coalesce(title_en, '') || ' ' || coalesce(title_zh, '') || ' ' || sku) gin_trgm_ops);

-- Every earlier state of a product; records that used a product keep the version they used.
create table product_versions (
  tenant_id text not null,
  product_id text not null,
  version integer not null,
  snapshot jsonb not null,
  replaced_at timestamptz not null default now(),
  replaced_by text,
  primary key (tenant_id, product_id, version),
  foreign key (tenant_id, product_id) references products (tenant_id, id) on delete cascade
);

-- One row per decision; the newest row per (product, market) is the product's current classification.
create table product_classifications (
  tenant_id text not null,
  id bigint generated always as identity,
  product_id text not null,
  market text not null check (market ~ '^[a-z]{2,6}$'),
  hs6 char(6),
  national_code text,
  status text not null check (status in ('unclassified', 'suggested', 'confirmed', 'disputed')),
  rationale text,
  decided_by text,
  decided_at timestamptz not null default now(),
  edition_code text,
  primary key (tenant_id, id),
  foreign key (tenant_id, product_id) references products (tenant_id, id) on delete cascade
);
create index product_classifications_current on product_classifications (tenant_id, product_id, market, id desc);

create table certificates (
  tenant_id text not null references tenants (id),
  id text not null,
  type text not null,
  number text not null,
  issuer text,
  valid_from date,
  valid_to date,
  document_sha256 char(64),
  document_name text,
  notes text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index certificates_expiry on certificates (tenant_id, valid_to);

create table certificate_products (
  tenant_id text not null,
  certificate_id text not null,
  product_id text not null,
  primary key (tenant_id, certificate_id, product_id),
  foreign key (tenant_id, certificate_id) references certificates (tenant_id, id) on delete cascade,
  foreign key (tenant_id, product_id) references products (tenant_id, id) on delete cascade
);
create index certificate_products_product on certificate_products (tenant_id, product_id);

create table certificate_suppliers (
  tenant_id text not null,
  certificate_id text not null,
  supplier_id text not null,
  primary key (tenant_id, certificate_id, supplier_id),
  foreign key (tenant_id, certificate_id) references certificates (tenant_id, id) on delete cascade,
  foreign key (tenant_id, supplier_id) references suppliers (tenant_id, id) on delete cascade
);

-- Header mappings a user saved for their spreadsheets (source header -> Clearway field).
create table import_mappings (
  tenant_id text not null references tenants (id),
  name text not null,
  mapping jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, name)
);

do $$
declare t text;
begin
  foreach t in array array['suppliers', 'products', 'product_versions', 'product_classifications', 'certificates', 'certificate_products', 'certificate_suppliers', 'import_mappings'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy tenant_isolation on %I
      using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
      with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')$p$, t);
  end loop;
end $$;
