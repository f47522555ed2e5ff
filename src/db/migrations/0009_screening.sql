-- Manifest screening: runs, their lines (in compressed blocks), findings, edits made in the console, and the classifier's
-- suggestions cached per normalised title.

create table screening_runs (
  tenant_id text not null references tenants (id),
  id text not null,
  lane text not null check (lane in ('cn-export', 'cn-import', 'us-import', 'eu-import')),
  pack_id text not null,
  screen_date date not null,
  source_kind text not null,
  source_name text not null,
  source_sha256 text,
  source_bytes bigint,
  status text not null check (status in ('running', 'done', 'failed')),
  progress jsonb not null default '{}',
  summary jsonb,
  error text,
  mapping jsonb,
  fields text[] not null default '{}',
  rerun_of text,
  created_by text,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (tenant_id, id)
);
create index screening_runs_recent on screening_runs (tenant_id, created_at desc);

-- Lines are kept a block at a time (compressed JSON of up to a few thousand lines with the product snapshots they used):
-- a million-line manifest is a few hundred rows, and "show row N" reads one block.
create table screening_line_blocks (
  tenant_id text not null,
  run_id text not null,
  block_no integer not null,
  first_line integer not null,
  last_line integer not null,
  payload bytea not null,
  primary key (tenant_id, run_id, block_no),
  foreign key (tenant_id, run_id) references screening_runs (tenant_id, id) on delete cascade
);
-- Already compressed by the application; do not try again.
alter table screening_line_blocks alter column payload set storage external;

create table screening_findings (
  tenant_id text not null,
  run_id text not null,
  seq integer not null,
  code text not null,
  severity text not null check (severity in ('block', 'warn', 'info')),
  order_no text not null,
  line integer not null,
  field text not null,
  message text not null,
  message_zh text not null,
  evidence jsonb not null,
  hint text not null,
  hint_zh text not null,
  primary key (tenant_id, run_id, seq),
  foreign key (tenant_id, run_id) references screening_runs (tenant_id, id) on delete cascade
);
create index screening_findings_code on screening_findings (tenant_id, run_id, severity, code);
create index screening_findings_order on screening_findings (tenant_id, run_id, order_no);
create index screening_findings_line on screening_findings (tenant_id, run_id, line);

create table screening_line_edits (
  tenant_id text not null,
  run_id text not null,
  line integer not null,
  changes jsonb not null,
  edited_by text,
  edited_at timestamptz not null default now(),
  primary key (tenant_id, run_id, line),
  foreign key (tenant_id, run_id) references screening_runs (tenant_id, id) on delete cascade
);

create table classification_cache (
  tenant_id text not null references tenants (id),
  market text not null,
  title_key text not null,
  code text,
  confidence real not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, market, title_key)
);

do $$
declare t text;
begin
  foreach t in array array['screening_runs', 'screening_line_blocks', 'screening_findings', 'screening_line_edits', 'classification_cache'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy tenant_isolation on %I
      using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
      with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')$p$, t);
  end loop;
end $$;
