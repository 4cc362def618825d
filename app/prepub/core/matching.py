"""Face matching against the consent registry: proposals only, and only when the policy allows.

Matching faces to people is biometric processing. It runs only when the organisation's policy
switches it on (``[faces] matching = true``), and the registry compares only with people who
agreed to matching. The result is a proposal per face (person and distance) that the user
confirms; nothing here ever assigns a person to a face.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from prepub.core.model import Face
from prepub.core.policy import Policy


def propose_matches(decoded: Any, faces: Sequence[Face], *, registry: Any, policy: Policy,
                    encode: Callable[[Any, Sequence[Face]], Sequence[Any]] | None = None,
                    limit: int = 3) -> dict[int, list[Any]]:
    """Face index -> registry matches (best first) within the policy's ``match_distance``.

    Empty when matching is off, there is no registry, or there are no faces.
    """
    if not policy.matching_enabled or registry is None or not faces:
        return {}
    if encode is None:
        from prepub.core.faces import encode_faces as encode
    encodings = list(encode(decoded, faces))
    results = registry.match_faces(encodings, max_distance=float(policy.faces.match_distance),
                                   limit=limit)
    return {f.index: list(r) for f, r in zip(faces, results) if r}


def proposals_json(matches: Mapping[int, Sequence[Any]]) -> dict[str, list[dict[str, Any]]]:
    return {str(i): [{"person_id": m.person_id, "name": m.name, "distance": round(m.distance, 3)}
                     for m in ms] for i, ms in matches.items()}
