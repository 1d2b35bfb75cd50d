"""Reusable UI pieces; each draws one thing from data the core prepared."""
