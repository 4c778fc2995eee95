"""Benchmarks (not tests): `make bench` measures pages and filter changes in headless Chromium."""
