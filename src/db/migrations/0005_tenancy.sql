-- Tenants, users, memberships with roles, sessions, API keys and the audit trail.
-- Tenant-owned tables are keyed (tenant_id, id) and carry row-level security: a query sees a tenant's rows only
-- inside withTenant() (which sets clearway.tenant_id for the transaction), so a missed WHERE cannot leak.

create table tenants (
  id text primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
  name text not null,
  kind text not null default 'other' check (kind in ('seller', 'broker', 'warehouse', 'other')),
  created_at timestamptz not null default now()
);

-- Users are global (one person may work for several tenants); what they may do is per tenant, in memberships.
create table users (
  id text primary key,
  email text not null,
  display_name text not null,
  password_hash text not null,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index users_email on users (lower(email));

create table memberships (
  tenant_id text not null references tenants (id),
  user_id text not null references users (id),
  role text not null check (role in ('admin', 'compliance', 'declarant', 'warehouse', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index memberships_user on memberships (user_id);

-- Sessions are looked up by the hash of their token before any tenant is known.
create table sessions (
  id text primary key,
  user_id text not null references users (id),
  tenant_id text not null references tenants (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table api_keys (
  tenant_id text not null references tenants (id),
  id text not null,
  name text not null,
  role text not null check (role in ('admin', 'compliance', 'declarant', 'warehouse', 'viewer')),
  secret_hash text not null,
  created_by text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id)
);
create unique index api_keys_id on api_keys (id);

create table audit_events (
  tenant_id text not null references tenants (id),
  id bigint generated always as identity,
  occurred_at timestamptz not null default now(),
  actor_type text not null check (actor_type in ('user', 'api_key', 'cli', 'system')),
  actor_id text,
  actor_label text,
  action text not null,
  target_type text,
  target_id text,
  ip text,
  user_agent text,
  request_id text,
  before jsonb,
  after jsonb,
  primary key (tenant_id, id)
);
create index audit_events_time on audit_events (tenant_id, occurred_at desc);
create index audit_events_target on audit_events (tenant_id, target_type, target_id);

-- The audit trail is append-only, for everyone including the application itself.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end $$;
create trigger audit_events_no_update before update or delete on audit_events for each row execute function audit_events_append_only();

-- Row-level security on every tenant-owned table. clearway.scope = 'system' is set only by the few functions that
-- must work across tenants (sign-in, API-key check, bootstrap).
alter table memberships enable row level security;
alter table memberships force row level security;
create policy tenant_isolation on memberships
  using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
  with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system');

alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy tenant_isolation on api_keys
  using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
  with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system');

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events
  using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
  with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system');

insert into tenants (id, slug, name, kind) values ('default', 'default', 'Default tenant', 'other');
