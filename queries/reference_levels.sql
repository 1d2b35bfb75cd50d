-- A group of regions' level per indicator and quarter, on each indicator's comparison basis: `pooled` divides sums
-- (Σ part ÷ Σ base: ×100 for a rate, ×10,000 per 10,000 of a base; the members' mean for a plain value, or when no
-- member reports a rate's parts), `best` is the best member's figure, `p90` the 90th percentile (10th for
-- lower-is-better), `mean` the plain mean of the members' figures (a custom set's "average" rule).
-- `reporting` counts the regions with a figure, so a quarter only some have reported is known.
with figs as (
    select * from compared_figures($regions, $periods)
),
grouped as (
    select
        indicator,
        period,
        count(figure) as reporting,
        sum(part) filter (where part is not null and base is not null) as parts,
        sum(base) filter (where part is not null and base is not null) as bases,
        avg(figure) as mean,
        max(figure) as highest,
        min(figure) as lowest,
        quantile_cont(figure, 0.9) as p90,
        quantile_cont(figure, 0.1) as p10
    from figs
    group by indicator, period
)
select
    g.indicator,
    g.period,
    g.reporting,
    case
        when $rule = 'best' then case when i.direction = 'lower' then g.lowest else g.highest end
        when $rule = 'p90' then case when i.direction = 'lower' then g.p10 else g.p90 end
        when $rule = 'mean' then g.mean
        when i.aggregation = 'ratio' then coalesce(100.0 * g.parts / nullif(g.bases, 0), g.mean)
        when i.per_capita_base is not null then 10000.0 * g.parts / nullif(g.bases, 0)
        else g.mean
    end as level
from grouped as g
join indicators as i on i.id = g.indicator
order by g.indicator, g.period;
