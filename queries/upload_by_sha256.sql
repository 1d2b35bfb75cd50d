select id from uploads where sha256 = $sha256 and status = 'committed' order by id limit 1;
