"""Benchmarks and synthetic data: development tools outside the runtime package."""
