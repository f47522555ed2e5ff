-- HS classification (issue 5): the review queue for items the engine abstains on, the precedents reviewers' decisions
-- become, and each tenant's review threshold.

create table classification_reviews (
  tenant_id text not null references tenants (id),
  id text not null,
  market text not null check (market in ('us', 'hs')),
  -- What was classified (title, description, category, attributes, price, currency), as given.
  input jsonb not null,
  -- The input's text folded (case, spacing, punctuation), so the same item is not queued twice while open.
  input_key text not null,
  product_id text,
  source text not null check (source in ('api', 'cli', 'console', 'catalog', 'screening')),
  -- The candidates and top-1 confidence the engine showed when the item was queued.
  candidates jsonb not null,
  confidence double precision not null,
  status text not null default 'open' check (status in ('open', 'confirmed', 'corrected', 'dismissed')),
  final_code text,
  reason text,
  decided_by text,
  decided_at timestamptz,
  classification_id bigint,
  created_by text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, product_id) references products (tenant_id, id) on delete cascade,
  check (status = 'open' or (decided_by is not null and decided_at is not null and reason is not null)),
  check (status not in ('confirmed', 'corrected') or final_code is not null)
);
create index classification_reviews_list on classification_reviews (tenant_id, status, created_at desc);
create unique index classification_reviews_open on classification_reviews (tenant_id, market, input_key, (coalesce(product_id, ''))) where status = 'open';

-- Confirmed classifications the engine uses for similar items of the same tenant: from review decisions, and from
-- confirmations made on a product. The code is the market's own (10-digit HTS for us, HS6 for hs and other markets).
create table classification_precedents (
  tenant_id text not null references tenants (id),
  id bigint generated always as identity,
  market text not null check (market ~ '^[a-z]{2,6}$'),
  text text not null,
  code text not null check (code ~ '^\d{6,13}$'),
  source text not null check (source in ('review', 'product')),
  review_id text,
  product_id text,
  decided_by text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);

-- Below this top-1 confidence the engine abstains and items asked to be queued go to review (the engine's default is 0.3).
create table classification_settings (
  tenant_id text not null references tenants (id) primary key,
  review_below double precision not null check (review_below >= 0 and review_below <= 1),
  updated_by text,
  updated_at timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['classification_reviews', 'classification_precedents', 'classification_settings'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy tenant_isolation on %I
      using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
      with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')$p$, t);
  end loop;
end $$;
