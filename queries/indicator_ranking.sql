-- One indicator of the given regions in a quarter ($period), a quarter before ($quarter_ago) and a year before
-- ($year_ago), on the figure a ranking reads: the value when $on_value, else the compared figure (the
-- compared_figures macro's: per 10,000 of the per-capita base, a rate as it is). Each quarter's rank among the
-- regions with a figure there (1 = best, the lowest first when $lower; ties share the better rank), and the places
-- moved since (previous rank − rank). Regions without a figure in any of the quarters are left out.
with chosen as (
    select
        f.region,
        f.period,
        f.value,
        case
            when not $on_value and i.aggregation <> 'ratio' and i.per_capita_base is not null then f.per_10k
            else f.value
        end as figure
    from figures as f
    join indicators as i on i.id = f.indicator
    join regions as r on r.adcode = f.region
    where
        f.indicator = $indicator
        and f.region in (select unnest($regions))
        and f.period in ($period, $quarter_ago, $year_ago)
),

ranked as (
    select
        region,
        period,
        value,
        figure,
        case
            when figure is not null
                then rank() over (
                    partition by period, figure is null order by case when $lower then figure else -figure end
                )
        end::double as rank
    from chosen
),

final as (
    select
        region,
        max(value) filter (where period = $period) as value,
        max(figure) filter (where period = $period) as figure,
        max(figure) filter (where period = $quarter_ago) as quarter_ago,
        max(figure) filter (where period = $year_ago) as year_ago,
        max(rank) filter (where period = $period) as rank,
        max(rank) filter (where period = $quarter_ago) as rank_quarter_ago,
        max(rank) filter (where period = $year_ago) as rank_year_ago
    from ranked
    group by region
)

select
    region,
    value,
    figure,
    quarter_ago,
    year_ago,
    rank,
    rank_quarter_ago,
    rank_quarter_ago - rank as move_quarter,
    rank_year_ago,
    rank_year_ago - rank as move_year
from final
order by region;
