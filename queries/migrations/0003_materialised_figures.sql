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
