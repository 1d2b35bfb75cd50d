-- Similar peers and custom benchmark sets. `structural` marks the size figures similarity is read on
-- (workers, enterprises that should form a union, members). A benchmark set made in the dashboard or by
-- `unionbench sets add` is source 'custom', with who saved it and when; `unionbench init` reloads only the 'csv'
-- ones (data/benchmark_sets.csv, the defaults). `member_rule` is how a members set forms its level: pooled (Σ ÷ Σ,
-- the CSV sets'), best (the best member) or average (the mean of the members' figures).
alter table indicators add column if not exists structural boolean default false;
alter table benchmark_sets add column if not exists source varchar default 'csv';
alter table benchmark_sets add column if not exists member_rule varchar default 'pooled';
alter table benchmark_sets add column if not exists created_by varchar;
alter table benchmark_sets add column if not exists created_at timestamp;
alter table benchmark_sets add column if not exists updated_at timestamp;
alter table benchmark_sets add column if not exists updated_by varchar;
