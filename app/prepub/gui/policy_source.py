"""Which policy the app runs with: the file chosen in Settings, else ``PREPUB_POLICY``, else the
shipped default in the UI language; with the user's own home base laid over it when set.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from prepub.core.policy import Policy, PolicyError, default_policy_path, load_policy


def policy_file(*, chosen: str, language: str) -> Path:
    if chosen:
        return Path(chosen)
    env = os.environ.get("PREPUB_POLICY")
    if env:
        return Path(env)
    return default_policy_path(language)


def load_effective_policy(*, chosen: str, language: str,
                          home_base: dict[str, Any] | None) -> tuple[Policy, str | None]:
    """The policy to use and, when the chosen file was broken, the PolicyError text (the shipped
    default is used instead so the app still opens)."""
    error: str | None = None
    try:
        policy = load_policy(policy_file(chosen=chosen, language=language))
    except PolicyError as e:
        error = str(e)
        policy = load_policy(default_policy_path(language))
    return with_home_base(policy, home_base), error


def with_home_base(policy: Policy, home_base: dict[str, Any] | None) -> Policy:
    if not home_base:
        return policy
    data = copy.deepcopy(policy.data)
    data.setdefault("organisation", {}).update(home_base)
    return Policy(data=data, path=policy.path)


def validate_policy_file(path: str) -> str | None:
    """None when ``path`` is a valid policy, else the PolicyError message (with its line)."""
    try:
        load_policy(path)
    except PolicyError as e:
        return str(e)
    return None
