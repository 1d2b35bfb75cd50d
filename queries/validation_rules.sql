-- Every validation rule (active and retired), by id.
select
    id, left_side, operator, right_side, severity, message_zh,
    text_in('rule', id, 'message', 'en', message_zh) as message_en, status
from validation_rules
order by id;
