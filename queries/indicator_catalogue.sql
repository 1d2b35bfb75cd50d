-- The indicator catalogue in display order.
select * from indicators order by sort_order;
