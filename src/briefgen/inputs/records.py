"""Validated input files as plain records: what the loaders hand on, with or without pydantic.

One record class per model of ``schemas`` (made from ``plan``, so the same names,
fields, order and defaults). A record answers what the rest of briefgen asks a
validated model: its fields as attributes (extra keys too, where the model keeps
them), ``model_dump(by_alias=…, exclude_defaults=…)``, ``model_copy(update=…)``,
``==`` (also with the pydantic model of the same name and values), ``hash`` and
``repr``. It is frozen, and pickles by its class's place in this module.

``checked`` makes records straight from the loaded data when the data is valid; otherwise
pydantic validates and ``from_model`` copies its answer into records, so the type a loader
returns never depends on the path taken. Standard library only.
"""

from __future__ import annotations

from typing import Any

from briefgen.inputs.plan import MODELS


class Record:
    """A validated model's values (fields in declaration order, then the extra keys)."""

    _fields: tuple[str, ...] = ()
    _aliases: dict[str, str] = {}
    _defaults: dict[str, Any] = {}
    _allow_extra = False

    @classmethod
    def make(cls, values: dict[str, Any], extra: dict[str, Any] | None = None) -> Any:
        """Return a record of ``values`` (every field, in order) and, where the model keeps them, ``extra`` keys."""
        record = object.__new__(cls)
        state = record.__dict__
        state.update(values)
        if cls._allow_extra:
            state["__extra__"] = dict(extra or {})
        return record

    def __getattr__(self, name: str) -> Any:
        extra = self.__dict__.get("__extra__")
        if extra is not None and name in extra:
            return extra[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def _extra(self) -> dict[str, Any]:
        return self.__dict__.get("__extra__") or {}

    def model_dump(self, *, by_alias: bool = False, exclude_defaults: bool = False) -> dict[str, Any]:
        """Return the values as plain data, as pydantic's ``model_dump`` does with these two options."""
        state, out = self.__dict__, {}
        for name in self._fields:
            value = state[name]
            if exclude_defaults and name in self._defaults and value == self._defaults[name]:
                continue
            out[self._aliases.get(name, name) if by_alias else name] = _dump(value, by_alias, exclude_defaults)
        for key, value in self._extra().items():
            out[key] = _dump(value, by_alias, exclude_defaults)
        return out

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """Return a shallow copy with ``update``'s values (as pydantic's ``model_copy``: not validated)."""
        values = {name: self.__dict__[name] for name in self._fields}
        extra = dict(self._extra())
        for key, value in (update or {}).items():
            if key in values:
                values[key] = value
            elif self._allow_extra:
                extra[key] = value
            else:
                raise ValueError(f"{type(self).__name__} has no field {key!r}")
        return type(self).make(values, extra)

    def _items(self) -> tuple[tuple[str, Any], ...]:
        return tuple((name, self.__dict__[name]) for name in self._fields) + tuple(self._extra().items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return type(other) is type(self) and other._items() == self._items()
        if type(other).__name__ == type(self).__name__ and hasattr(other, "__pydantic_fields__"):
            return bool(from_model(other) == self)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self).__name__, *(value for _, value in self._items())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self._items())})"


def _dump(value: Any, by_alias: bool, exclude_defaults: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(by_alias=by_alias, exclude_defaults=exclude_defaults)
    if type(value) is list:
        return [_dump(v, by_alias, exclude_defaults) for v in value]
    if type(value) is dict:
        return {k: _dump(v, by_alias, exclude_defaults) for k, v in value.items()}
    return value


def _classes() -> dict[str, type[Record]]:
    classes: dict[str, type[Record]] = {}
    for name, (extra, _strict, fields) in MODELS.items():
        attrs = {"__module__": __name__, "__qualname__": name, "__slots__": (), "_fields": tuple(f[0] for f in fields),
                 "_aliases": {f[0]: f[1] for f in fields if f[1]}, "_allow_extra": extra == "allow"}
        classes[name] = type(name, (Record,), attrs)
    for name, (_extra, _strict, fields) in MODELS.items():
        classes[name]._defaults = {f[0]: fresh(f[3][0], classes) for f in fields if f[3]}
    return classes


def fresh(default: Any, classes: dict[str, type[Record]] | None = None) -> Any:
    """Return a new copy of a plan default (a list is never shared; ``("model", name)`` is that model's defaults)."""
    if type(default) is list:
        return [fresh(v, classes) for v in default]
    if type(default) is tuple:
        record_class = (classes or CLASSES)[default[1]]
        fields = MODELS[default[1]][2]
        return record_class.make({f[0]: fresh(f[3][0], classes) for f in fields})
    return default


CLASSES: dict[str, type[Record]] = _classes()
"""Model name → its record class."""
globals().update(CLASSES)  # each class at its own name here, so records pickle


def from_model(model: Any) -> Any:
    """Return pydantic's validated ``model`` as records (nested models too); other values are kept as they are."""
    record_class = CLASSES[type(model).__name__]
    values = {name: _from(model.__dict__[name]) for name in record_class._fields}
    extra = getattr(model, "__pydantic_extra__", None) or {}
    return record_class.make(values, {k: _from(v) for k, v in extra.items()})


def _from(value: Any) -> Any:
    if hasattr(type(value), "__pydantic_fields__"):
        return from_model(value)
    if type(value) is list:
        return [_from(v) for v in value]
    return value
