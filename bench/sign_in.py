"""Prints how long one sign-in takes (the scrypt cost of trainer/domain/accounts.py; the goal is
about 100 ms: slow for someone guessing offline, quick for a person) and its memory (not a test).

Run: .venv/bin/python bench/sign_in.py
"""

from __future__ import annotations

import statistics
import time

from trainer.domain.accounts import SCRYPT, hash_password, new_salt, password_matches


def main() -> None:
    salt = new_salt()
    stored = hash_password("a-password", salt)
    runs = []
    for _ in range(10):
        start = time.perf_counter()
        password_matches("a-password", salt, stored)
        runs.append(time.perf_counter() - start)
    memory = 128 * SCRYPT["n"] * SCRYPT["r"] * SCRYPT["p"] / 2**20
    print(f"sign-in (scrypt n={SCRYPT['n']}, r={SCRYPT['r']}, {memory:.0f} MiB): median "
          f"{statistics.median(runs) * 1000:.0f} ms, min {min(runs) * 1000:.0f} ms (goal about 100 ms)")
    guesses = 1 / min(runs)
    print(f"an offline guesser on one such core: {guesses:.0f} guesses a second; every 6-digit PIN "
          f"in {10**6 / guesses / 3600:.0f} hours, every 4-digit one in {10**4 / guesses / 60:.0f} minutes")


if __name__ == "__main__":
    main()
