"""Talking to AFAS Profit: one read-only async client and one classifier of everything that can go wrong. No Qt."""
