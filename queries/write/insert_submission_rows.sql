-- The figures of a new submission, from the registered frame incoming_submission_rows.
insert into submission_rows (submission_id, region, indicator, period, value)
select $submission_id, region, indicator, period, value from incoming_submission_rows;
