-- Evidence archive (issue 7): one append-only RFC 9162 Merkle log for the whole Clearway instance.
-- Tenant-owned tables (ledger_entries, ledger_documents) are keyed (tenant_id, …) and would be distributed by
-- tenant_id under Citus; the tree itself (ledger_log, ledger_nodes, ledger_checkpoints, ledger_keys) belongs to the
-- log operator, is instance-wide, and would be a reference/coordinator-local table. Proofs read only the tree.

-- The log's identity and its size; appends lock this one row (select … for update) so there is one sequencer.
create table ledger_log (
  id boolean primary key default true check (id),
  origin text not null check (origin !~ '[[:space:]+]'),
  size bigint not null default 0 check (size >= 0),
  updated_at timestamptz not null default now()
);
-- The origin names this log in its checkpoints; random so two Clearway installations never share one.
insert into ledger_log (origin) values ('clearway.local/ledger/' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16));

-- One row per logged record: seq is the leaf index, record the canonical (RFC 8785) JSON whose leaf hash is logged.
create table ledger_entries (
  tenant_id text not null,
  seq bigint not null check (seq >= 0),
  leaf_hash bytea not null check (length(leaf_hash) = 32),
  kind text not null,
  subject_type text not null,
  subject_id text not null,
  record jsonb not null,
  created_at timestamptz not null,
  primary key (tenant_id, seq)
);
create index ledger_entries_subject on ledger_entries (tenant_id, subject_type, subject_id, seq);

-- Every complete subtree of the tree: (level, idx) covers leaves [idx·2^level, (idx+1)·2^level); level 0 are the leaves.
-- Complete subtrees never change once written, so roots and proofs for any size are folds of ≤ 2·log2(n) rows.
create table ledger_nodes (
  level smallint not null check (level between 0 and 62),
  idx bigint not null check (idx >= 0),
  hash bytea not null check (length(hash) = 32),
  primary key (level, idx)
);

-- Signed tree heads: the C2SP checkpoint note as signed, with its size and root for queries.
create table ledger_checkpoints (
  size bigint primary key check (size >= 0),
  root bytea not null check (length(root) = 32),
  note text not null,
  created_at timestamptz not null default now()
);

-- Public halves of every signing key that has signed a checkpoint (the private keys stay in CLEARWAY_HOME/keys).
create table ledger_keys (
  name text not null,
  key_id text not null check (key_id ~ '^[0-9a-f]{8}$'),
  public_key bytea not null check (length(public_key) = 32),
  created_at timestamptz not null,
  retired_at timestamptz,
  primary key (name, key_id)
);

-- Archived documents, content-addressed: the bytes are stored once under CLEARWAY_HOME/documents/ab/cd/<sha256>.
create table ledger_documents (
  tenant_id text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size >= 0),
  media_type text not null,
  original_name text,
  document_type text not null,
  stored_path text not null,
  seq bigint not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, sha256),
  foreign key (tenant_id, seq) references ledger_entries (tenant_id, seq)
);

-- Row-level security on the tenant-owned tables, as in 0005: a transaction sees one tenant's rows (clearway.tenant_id),
-- or all of them only with clearway.scope = 'system' (the ledger's sequencer when one batch spans tenants).
alter table ledger_entries enable row level security;
alter table ledger_entries force row level security;
create policy tenant_isolation on ledger_entries
  using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
  with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system');

alter table ledger_documents enable row level security;
alter table ledger_documents force row level security;
create policy tenant_isolation on ledger_documents
  using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
  with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system');

-- The log is append-only: refuse UPDATE, DELETE and TRUNCATE on its entries, tree and checkpoints. (Someone with
-- superuser rights can still drop the trigger; the signed checkpoints and proofs are what make that detectable.)
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'ledger table % is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger ledger_entries_append_only before update or delete or truncate on ledger_entries for each statement execute function ledger_refuse_change();
create trigger ledger_nodes_append_only before update or delete or truncate on ledger_nodes for each statement execute function ledger_refuse_change();
create trigger ledger_checkpoints_append_only before update or delete or truncate on ledger_checkpoints for each statement execute function ledger_refuse_change();
create trigger ledger_documents_append_only before update or delete or truncate on ledger_documents for each statement execute function ledger_refuse_change();
