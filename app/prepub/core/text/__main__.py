"""``python -m prepub.core.text [chars]``: time the text checks on a long post (a benchmark, not a test)."""

from __future__ import annotations

import sys

from prepub.core.policy import load_policy
from prepub.core.text.engine import benchmark


def main(argv: list[str]) -> int:
    chars = int(argv[0]) if argv else 10_000
    r = benchmark(policy=load_policy(), chars=chars)
    print(f"text checks on {int(r['chars'])} characters, 4 channels: first run {r['first_s'] * 1000:.0f} ms "
          f"(loads the language models), then {r['best_s'] * 1000:.0f} ms; {int(r['findings'])} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
