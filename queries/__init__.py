"""Package data: shipped with unionbench and read through importlib.resources (unionbench.paths)."""
