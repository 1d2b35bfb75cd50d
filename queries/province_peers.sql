-- Every region at the same level and in the same province as the given one, itself included: the field the
-- provincial top-performer level (90th percentile) is read from.
with home as (
    select level, province from regions where adcode = $region
)
select r.adcode, r.name_zh
from regions as r
join home on r.level = home.level and r.province = home.province
order by r.adcode;
