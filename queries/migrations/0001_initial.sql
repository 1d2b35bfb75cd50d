-- The store as first released: meta, places, the catalogue, uploads and their versioned figures, benchmark
-- sets and targets. No foreign keys: DuckDB forbids updating referenced rows, and ingest validates references itself.
-- Every migration is idempotent, so one run on a database that already has part of it (a database that recorded
-- version 1 whatever it held) only adds what is missing.

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
