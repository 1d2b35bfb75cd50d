-- The whole store. Applied by `unionbench init` and by the test fixture; every statement is idempotent.
-- No foreign keys: DuckDB forbids updating referenced rows, and ingest validates references itself.

create table if not exists meta (
    key varchar primary key,
    value varchar not null
);

create table if not exists regions (
    adcode varchar primary key,          -- 6-digit administrative code, e.g. '510824'
    name_zh varchar not null,            -- official name, e.g. '苍溪县'
    level varchar not null check (level in ('country', 'province', 'city', 'county')),
    parent varchar,                      -- adcode of the city (county) or province (city)
    province varchar                     -- adcode of the province, for scoping rules
);

create table if not exists region_aliases (
    alias varchar not null,              -- a name people write: full name or short name ('苍溪')
    adcode varchar not null,
    primary key (alias, adcode)
);

create table if not exists indicators (
    id varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    group_id varchar not null,
    group_zh varchar not null,
    group_en varchar not null,
    unit varchar not null,
    unit_en varchar not null,
    kind varchar not null check (kind in ('count', 'amount', 'rate', 'people')),
    direction varchar not null check (direction in ('higher', 'lower', 'neutral')),
    aggregation varchar not null check (aggregation in ('sum', 'ratio', 'difference')),
    numerator varchar,                   -- for ratio/difference: the indicator on top / the minuend
    denominator varchar,                 -- for ratio/difference: the indicator below / the subtrahend
    stock_flow varchar not null check (stock_flow in ('stock', 'flow')),
    per_capita_base varchar,             -- indicator to divide by for "per 10,000", e.g. 'workers'
    amber_band double not null,          -- amber when behind by less than this: % of the benchmark, or
                                         -- percentage points for a rate
    headline boolean not null,           -- shown as a KPI tile on the overview
    decimals integer not null,
    sort_order integer not null,
    description_zh varchar not null,
    description_en varchar not null
);

create sequence if not exists upload_id_seq start 1;

create table if not exists uploads (
    id integer primary key default nextval('upload_id_seq'),
    file_name varchar not null,
    sha256 varchar not null,
    user_name varchar not null,
    created_at timestamp not null default current_timestamp,
    layout varchar not null,             -- 'long' | 'wide' | 'demo'
    rows_added integer not null default 0,
    rows_changed integer not null default 0,
    rows_unchanged integer not null default 0,
    status varchar not null default 'committed' check (status in ('committed', 'reverted')),
    is_demo boolean not null default false,
    note varchar
);

-- Added after the first release; applied to older databases by `unionbench init` or any writer.
alter table indicators add column if not exists amber_band double;
alter table indicators drop column if exists amber_within_pct;
alter table uploads add column if not exists reverted_at timestamp;
alter table uploads add column if not exists reverted_by varchar;

-- Versioned: a correction adds a row with a higher version; nothing is updated in place.
create table if not exists observations (
    region varchar not null,
    indicator varchar not null,
    period varchar not null,             -- 'YYYYQn'
    value double not null check (isfinite(value)),  -- never inf or nan
    upload_id integer not null,
    version integer not null,
    primary key (region, indicator, period, version)
);

-- The same figures materialised in the transaction that changed them (write/refresh_figures), so a page
-- reads stored rows: recomputing every roll-up of ~2.2 million national figures took ~1 s per query.
-- current_figures = the current_observations view; figures = the indicator_values view with per 10,000 workers.
create table if not exists current_figures (
    region varchar not null,
    indicator varchar not null,
    period varchar not null,
    value double not null,
    upload_id integer not null,
    version integer not null
);

create table if not exists figures (
    region varchar not null,
    indicator varchar not null,
    period varchar not null,
    value double,
    per_10k double                       -- value per 10,000 of the indicator's per-capita base, same region and quarter
);

create table if not exists benchmark_sets (
    id varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    rule varchar not null check (rule in ('members', 'province_average', 'province_best')),
    scope varchar,                       -- province adcode for the province_* rules
    sort_order integer not null
);

create table if not exists benchmark_members (
    set_id varchar not null,
    adcode varchar not null,
    primary key (set_id, adcode)
);

create table if not exists targets (
    region varchar not null,
    indicator varchar not null,
    year integer not null,
    target double not null,
    primary key (region, indicator, year)
);

-- 2025Q3 -> a running quarter number, so "previous quarter" is index - 1 and "same quarter last year" index - 4.
create or replace macro period_index(p) as cast(left(p, 4) as integer) * 4 + cast(right(p, 1) as integer) - 1;
create or replace macro period_label(i) as cast(i // 4 as varchar) || 'Q' || cast(i % 4 + 1 as varchar);

-- The newest version of each figure among uploads that are not reverted. A non-finite value (stored before the check
-- constraint existed) is never a figure: the version before it counts instead.
create or replace view current_observations as
select o.region, o.indicator, o.period, o.value, o.upload_id, o.version
from observations as o
join uploads as u on u.id = o.upload_id
where u.status = 'committed' and isfinite(o.value)
qualify row_number() over (partition by o.region, o.indicator, o.period order by o.version desc) = 1;

-- Summable indicators for every region: its own report, else the sum of its counties' reports, but only when
-- every county of the city reported it (a partial sum would understate the city; it shows as missing instead).
create or replace view base_values as
with own as (
    select region, indicator, period, value from current_observations
),
county_counts as (
    select parent as region, count(*) as counties from regions where level = 'county' group by parent
),
county_sums as (
    select r.parent as region, o.indicator, o.period, sum(o.value) as value, count(*) as reported
    from current_observations as o
    join regions as r on r.adcode = o.region and r.level = 'county'
    join indicators as i on i.id = o.indicator and i.aggregation = 'sum'
    group by r.parent, o.indicator, o.period
),
complete_sums as (
    select s.region, s.indicator, s.period, s.value
    from county_sums as s
    join county_counts as c on c.region = s.region and c.counties = s.reported
)
select
    coalesce(own.region, complete_sums.region) as region,
    coalesce(own.indicator, complete_sums.indicator) as indicator,
    coalesce(own.period, complete_sums.period) as period,
    coalesce(own.value, complete_sums.value) as value,
    own.value is null as rolled_up
from own
full outer join complete_sums
    on own.region = complete_sums.region
    and own.indicator = complete_sums.indicator
    and own.period = complete_sums.period;

-- Every indicator for every region: summable ones as they are, rates as a ratio of sums, differences of sums.
create or replace view indicator_values as
with summable as (
    select b.region, b.indicator, b.period, b.value
    from base_values as b
    join indicators as i on i.id = b.indicator and i.aggregation = 'sum'
),
derived as (
    select
        n.region,
        i.id as indicator,
        n.period,
        case i.aggregation
            when 'ratio' then 100.0 * n.value / nullif(d.value, 0)
            else n.value - d.value
        end as value
    from indicators as i
    join summable as n on n.indicator = i.numerator
    join summable as d on d.indicator = i.denominator and d.region = n.region and d.period = n.period
    where i.aggregation in ('ratio', 'difference')
),
-- A rate or difference reported as such counts only where its parts are missing.
reported as (
    select b.region, b.indicator, b.period, b.value
    from base_values as b
    join indicators as i on i.id = b.indicator and i.aggregation in ('ratio', 'difference')
    anti join derived as d on d.region = b.region and d.indicator = b.indicator and d.period = b.period
        and d.value is not null
)
select region, indicator, period, value from summable
union all
select region, indicator, period, value from derived where value is not null
union all
select region, indicator, period, value from reported;

-- Each figure on the basis it is compared on, for the given regions and quarters: a rate as it is, a
-- figure with a per-capita base per 10,000 of that base, anything else as its value. `part` and `base` are what a
-- pooled level adds up (a rate's numerator and denominator; a per-10k figure's value and its base), so a group's
-- level is Σ part ÷ Σ base, never a mean of ratios. A table macro so every comparison query reads one definition.
create or replace macro compared_figures(wanted_regions, wanted_periods) as table
with chosen as (
    select region, indicator, period, value, per_10k
    from figures
    where region in (select unnest(wanted_regions)) and period in (select unnest(wanted_periods))
)
select
    c.region,
    c.indicator,
    c.period,
    c.value,
    case
        when i.aggregation = 'ratio' then 'rate'
        when i.per_capita_base is not null then 'per_10k_' || i.per_capita_base
        else 'value'
    end as basis,
    case when i.aggregation <> 'ratio' and i.per_capita_base is not null then c.per_10k else c.value end as figure,
    case when i.aggregation = 'ratio' then n.value when i.per_capita_base is not null then c.value end as part,
    case when i.aggregation = 'ratio' then d.value when i.per_capita_base is not null then b.value end as base
from chosen as c
join indicators as i on i.id = c.indicator
left join chosen as n
    on i.aggregation = 'ratio' and n.region = c.region and n.period = c.period and n.indicator = i.numerator
left join chosen as d
    on i.aggregation = 'ratio' and d.region = c.region and d.period = c.period and d.indicator = i.denominator
left join chosen as b
    on b.region = c.region and b.period = c.period and b.indicator = i.per_capita_base;

-- English place names (unionbench/placenames.py), filled by `unionbench init`; an older database gets the
-- column here and its names when init reloads the regions (their fingerprint changes with the new column).
alter table regions add column if not exists name_en varchar;

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

insert or replace into meta values ('schema_version', '1');

-- Accounts, submissions awaiting review, and the audit log. Changes to these tables are written by the
-- writer like figures; users and submissions bump the data version (without recomputing figures) so every
-- dashboard process sees them in its next snapshot.
create table if not exists users (
    name varchar primary key,            -- the sign-in name, as typed (trimmed)
    password_hash varchar not null,      -- pbkdf2_sha256$iterations$salt$hash (unionbench.auth)
    role varchar not null check (role in ('admin', 'reporter')),
    region varchar,                      -- a reporter's region (adcode): the only one it may send figures for
    disabled boolean not null default false,
    created_at timestamp not null default current_timestamp,
    changed_at timestamp not null default current_timestamp,
    check (role = 'admin' or region is not null)
);

create sequence if not exists submission_id_seq start 1;

-- A reporter's file, kept whole (bytes and the figures it was read as) until an admin approves or returns it.
create table if not exists submissions (
    id integer primary key default nextval('submission_id_seq'),
    file_name varchar not null,
    sha256 varchar not null,
    content blob not null,               -- the file as sent, so approval commits exactly what was previewed
    period varchar,                      -- the quarter chosen when it was sent (for a file without a period column)
    region varchar not null,             -- the reporter's region
    user_name varchar not null,
    submitted_at timestamp not null default current_timestamp,
    figures integer not null,
    status varchar not null default 'submitted' check (status in ('submitted', 'returned', 'approved')),
    reviewed_by varchar,
    reviewed_at timestamp,
    reason varchar,                      -- why it was returned, shown to the reporter
    upload_id integer                    -- the upload its approval committed
);

create table if not exists submission_rows (
    submission_id integer not null,
    region varchar not null,
    indicator varchar not null,
    period varchar not null,
    value double not null check (isfinite(value)),
    primary key (submission_id, region, indicator, period)
);

create sequence if not exists audit_id_seq start 1;

create table if not exists audit_log (
    id integer primary key default nextval('audit_id_seq'),
    logged_at timestamp not null default current_timestamp,
    user_name varchar,                   -- who acted (for a failed sign-in: the name typed)
    action varchar not null,             -- sign_in_failed, upload, submit, approve, return, revert, user_*
    target varchar,                      -- e.g. 'upload #12', 'submission #3', a user name
    detail varchar,                      -- file name, reason, counts
    address varchar                      -- the browser's address, when known
);

-- A database from before these tables: mark its figures stale once, so the writer that applies this schema bumps
-- the data version and publishes a snapshot that has them (readers sign in against the snapshot).
delete from meta where key = 'figures_version' and not exists (select 1 from meta where key = 'reporting_schema');
insert or replace into meta values ('reporting_schema', '1');

-- The catalogue belongs to the federation: `unionbench init` seeds it from data/indicators.csv into a new database
-- and afterwards only adds a shipped indicator whose id is missing. A retired indicator is hidden from templates,
-- pickers and tiles while its figures stay (and are exported).
alter table indicators add column if not exists status varchar default 'active';
update indicators set status = 'active' where status is null;

-- Cross-checks between figures, as data (the way DHIS2 keeps validation rules): left operator right, each side an
-- indicator id or a sum of ids ('a + b'). An error refuses a file, a warning is shown. Seeded from
-- data/validation_rules.csv like the catalogue, never overwritten on an existing database.
create table if not exists validation_rules (
    id varchar primary key,
    left_side varchar not null,
    operator varchar not null check (operator in ('<=', '<', '=', '>=', '>')),
    right_side varchar not null,
    severity varchar not null check (severity in ('error', 'warning')),
    message_zh varchar not null,
    message_en varchar not null,
    status varchar not null default 'active' check (status in ('active', 'retired'))
);
