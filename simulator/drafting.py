"""Drafting a persona spec from a one-paragraph description with a chat model.

The model gets the persona JSON Schema, a complete shipped persona as an example, and the
description; its YAML is parsed with ``safe_load`` and validated exactly like a hand-written
file. An invalid draft is sent back once with the validation error; a draft that is still
invalid is refused, and nothing is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from simulator.specs import Persona, SpecError, data_dir, load_persona

PROMPT = """You write persona specs for salesim, a simulator of private-message sales chats.
Write ONE persona as YAML that validates against this JSON Schema:

{schema}

Here is a complete example of a valid persona:

{example}

Rules: realistic, short DM-style phrasings in the persona's language ({locale}); every need has
several `ask` phrasings and a `type` (money, time, duration, process, credentials, coverage,
safety, location, outcome, policy, documents, availability, product, portfolio or other);
placeholders in templates may only be {{name}}, {{surname}}, {{first}}, {{city}}, {{age}} or
keys of `details`.
Answer with the YAML only.

The persona to write: {description}"""

_FENCE = re.compile(r"^```(?:yaml|yml)?\s*$", re.MULTILINE)


def _yaml_of(text: str) -> str:
    return _FENCE.sub("", text).strip() + "\n"


def draft_persona(
    description: str, model: Any, locale: str, out: Path, attempts: int = 2
) -> Persona:
    """Ask ``model`` for a persona, validate it, and write it to ``out`` only when valid."""
    example_path = data_dir("personas") / f"legal_client_midnight.{locale}.yaml"
    prompt = PROMPT.format(
        schema=json.dumps(Persona.model_json_schema(), ensure_ascii=False),
        example=example_path.read_text(encoding="utf-8"),
        locale=locale,
        description=description,
    )
    messages: list[tuple[str, str]] = [("human", prompt)]
    problem = ""
    for _ in range(attempts):
        content = model.invoke(messages).content
        text = _yaml_of(content if isinstance(content, str) else str(content))
        candidate = out.with_name(out.name + ".draft")
        candidate.write_text(text, encoding="utf-8")
        try:
            persona = load_persona(candidate)
        except SpecError as exc:
            problem = str(exc).replace(str(candidate), "draft")
            every = "\n".join(line.replace(str(candidate), "draft") for line in exc.problems)
            candidate.unlink()
            messages += [("ai", text), ("human", f"That YAML is invalid:\n{every}\nFix it.")]
            continue
        if persona.locale != locale:
            problem = f"draft: locale: expected {locale}, got {persona.locale}"
            candidate.unlink()
            continue
        candidate.replace(out)
        return persona
    raise SpecError(f"the model's persona draft stayed invalid: {problem}")
