"""The shipped JSON Schema is the one the Event model generates, and events validate against it."""

import json

import jsonschema

from rasd.model import SCHEMA_PATH, Event, event_json_schema


def test_shipped_schema_is_current():
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(event_json_schema())), "run: python -m rasd.model"


def test_an_event_validates_against_the_schema():
    event = Event(id="x-1", event_type="Battles", sub_event_type="Armed clash", confidence=0.5)
    jsonschema.validate(json.loads(event.model_dump_json()), event_json_schema())
