"""The fixed choices the core accepts, in a module that imports nothing: the command line offers them in its
parser (`unionbench --help`) without loading the core that checks them."""

# Each choice with the catalogue key of its name, written out so a translator's tools find every key.
ROLE_KEYS = {"admin": "accounts.role_admin", "reporter": "accounts.role_reporter"}
ROLES = tuple(ROLE_KEYS)  # an account's role
# how a custom benchmark set forms its level from its members
SET_RULE_KEYS = {"pooled": "set_rule_pooled", "best": "set_rule_best", "average": "set_rule_average"}
SET_RULES = tuple(SET_RULE_KEYS)
WITHIN_KEYS = {"province": "within_province", "country": "within_country"}
WITHIN = tuple(WITHIN_KEYS)  # where similar peers are looked for
DEFAULT_K = 5  # similar peers listed unless asked otherwise
MAX_K = 50
SETTING_KEYS = ("home", "benchmark", "reference", "deadline_days")  # the federation's settings, in this order
