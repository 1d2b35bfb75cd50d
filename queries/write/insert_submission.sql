insert into submissions (file_name, sha256, content, period, region, user_name, figures)
values ($file_name, $sha256, $content, $period, $region, $user_name, $figures)
returning id;
