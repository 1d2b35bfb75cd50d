"""The fixed choices the core accepts, in a module that imports nothing: the command line offers them in its
parser (`unionbench --help`) without loading the core that checks them."""

ROLES = ("admin", "reporter")  # an account's role
SET_RULES = ("pooled", "best", "average")  # how a custom benchmark set forms its level from its members
WITHIN = ("province", "country")  # where similar peers are looked for
DEFAULT_K = 5  # similar peers listed unless asked otherwise
MAX_K = 50
SETTING_KEYS = ("home", "benchmark", "reference", "deadline_days")  # the federation's settings, in this order
