-- The figures a submission was read as when it was sent.
select region, indicator, period, value from submission_rows
where submission_id = $submission_id
order by region, indicator, period;
