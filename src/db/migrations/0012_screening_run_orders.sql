-- Evidence archive (issue 7): which orders each screening run contained, so that an order's traceability timeline
-- can list the screening reports that covered it, including runs that found nothing wrong with it (findings alone
-- name only the orders with a problem). One row per order per run, written with the run's line blocks.
-- No foreign key to screening_runs: a million-line run writes hundreds of thousands of rows, and a per-row key check
-- would cost more than the rows themselves; abandoning a run deletes its rows explicitly, as it does its blocks.
create table screening_run_orders (
  tenant_id text not null,
  order_no text not null,
  run_id text not null,
  primary key (tenant_id, order_no, run_id)
);

alter table screening_run_orders enable row level security;
alter table screening_run_orders force row level security;
create policy tenant_isolation on screening_run_orders
  using (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system')
  with check (tenant_id = current_setting('clearway.tenant_id', true) or current_setting('clearway.scope', true) = 'system');
