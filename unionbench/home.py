"""The federation's home city, read in one place so every caller agrees (and one function changes when the
settings live elsewhere): the `home` setting when one is stored, else the city whose counties report figures —
the one its reporters' regions belong to when several do (benchmark cities report too)."""

from unionbench.store import Store


def home_city(store: Store) -> str | None:
    """The home city's adcode: meta key `home`, else a city with county figures, else None."""
    stored = store.scalar("setting", key="home")
    if stored:
        return str(stored)
    cities = list(store.query("home_regions").adcode)
    reporters = [r for r in store.query("accounts").region.dropna()]
    parents = set(store.query("region_names", adcodes=reporters).parent) if reporters else set()
    own = [c for c in cities if c in parents or c in reporters]
    return (own or cities or [None])[0]
