"""Set-up (管理 › 开始设置): the federation's home city, default benchmark set and reference, the templates and the
way to the first upload. A database without figures or without a home city opens on this same page."""

from components.first_run import first_run
from components.page import page_setup

first_run(page_setup(setup_page=True))
