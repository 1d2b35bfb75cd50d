-- How many stored figures (every version) each indicator has: a definition with figures keeps its unit and kind.
select indicator, count(*) as figures from observations group by indicator;
