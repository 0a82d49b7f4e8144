#!/usr/bin/env python3
"""Predict with a Retrain Lab model bundle — numpy only, written from docs/features.md alone.

    python3 predict.py BUNDLE.zip TASKS.csv [--out predictions.csv]      P(correct) and seconds per task
    python3 predict.py BUNDLE.zip TASKS.csv --self-check                  reproduce the stored predictions
    python3 predict.py BUNDLE.zip TASKS.csv --next USER TOPIC DIFFICULTY [COMPLETED_AT]

It reads a task export (CSV, JSON or NDJSON) with the lab's value cleaning, replays it in canonical order to
compute the 13 history features, routes each task to its networks, and runs them layer by layer from each
model.json's topology and weights.bin. One file on purpose, so it can be copied next to a bundle; nothing from
the lab's code is imported — it is the proof that the docs suffice. As a module:

    import predict
    bundle = predict.load_bundle("retrain-lab-progressive-2026-12-06.zip")
    tasks = predict.read_tasks("tasks.csv").tasks            # canonical order
    p_correct, seconds, routes = bundle.predict(tasks, predict.history_features(tasks))
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import re
import sys
import time
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

# ---------------------------------------------------------------------------------------------------------
# 1. A task export → tasks (docs/features.md §1)

# JavaScript's String.prototype.trim white space (not Python's str.strip set).
JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
ALIASES = {
    "user_id": ["user", "user_email", "email", "student_id", "learner_id"],
    "topic": ["skill", "skill_name", "kc", "concept"],
    "difficulty": ["level"],
    "completed_at": ["timestamp", "submitted_at", "created_at"],
    "is_correct": ["correct", "outcome"],
    "actual_time_seconds": ["actual_time", "time_seconds", "duration_seconds"],
    "completed": [],
    "predicted_correct": [],
    "true_p": [],
}
REQUIRED = ["user_id", "topic", "difficulty", "completed_at", "is_correct", "actual_time_seconds"]
DIFFICULTIES = ["easy", "medium", "hard"]
NUMERIC = re.compile(r"^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$", re.I)
ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|z|[+-]\d{2}:?\d{2})?$"
)
EARLIEST_MS = 0
LATEST_MS = 4102444800000  # 2100-01-01T00:00:00Z
MISSING = object()


class Refused(Exception):
    """The whole file cannot be read (a one-line reason)."""


class Skip(Exception):
    """One row breaks a rule: it is skipped and reported."""


@dataclass
class Task:
    user: str
    topic: str
    difficulty: str
    ms: int
    correct: bool
    seconds: float
    row: int
    predicted: float | None = None
    true_p: float | None = None


@dataclass
class ImportResult:
    tasks: list  # canonical order
    problems: list = field(default_factory=list)  # (row, column, reason)
    not_completed: int = 0
    format: str = "csv"


def js_trim(s: str) -> str:
    return s.strip(JS_SPACE)


def js_number(x: float) -> str:
    """A number as JavaScript's String(x) writes it (JSON numbers used as text: 1.0 → "1")."""
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    # Shortest round-trip digits (as JavaScript's) and the decimal point's place n: value = 0.digits × 10^n.
    _, digit_tuple, exp = Decimal(repr(abs(x))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k, n = len(digits), exp + len(digits)
    sign = "-" if x < 0 else ""
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def is_blank(v) -> bool:
    return v is MISSING or v is None or (isinstance(v, str) and js_trim(v) == "")


def as_text(v):
    if isinstance(v, str):
        return js_trim(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return js_number(float(v))
    return None


def parse_number(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else None
    if isinstance(v, str) and NUMERIC.match(js_trim(v)):
        n = float(js_trim(v))
        return n if math.isfinite(n) else None
    return None


def days_from_civil(y: int, m: int, d: int) -> int:
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def days_in_month(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def iso_ms(text: str):
    """ISO-8601 → epoch ms (UTC when no zone), or None (docs/features.md §1, ISO forms)."""
    g = ISO.match(text)
    if not g:
        return None
    y, mo, d = int(g[1]), int(g[2]), int(g[3])
    if not 1 <= mo <= 12 or not 1 <= d <= days_in_month(y, mo):
        return None
    h = int(g[5]) if g[5] else 0
    mi = int(g[6]) if g[6] else 0
    s = int(g[7]) if g[7] else 0
    frac = g[8] or ""
    ms = int((frac + "00")[:3]) if frac else 0
    if mi > 59 or s > 59 or h > 24 or (h == 24 and (mi or s or frac.strip("0"))):
        return None
    offset = 0
    zone = g[9]
    if zone and zone not in "Zz":
        if not g[4]:  # a date without a time takes Z only
            return None
        zh, zm = int(zone[1:3]), int(zone[-2:])
        if zh > 23 or zm > 59:
            return None
        offset = (zh * 60 + zm) * (1 if zone[0] == "+" else -1)
    return days_from_civil(y, mo, d) * 86_400_000 + ((h * 60 + mi - offset) * 60 + s) * 1000 + ms


def js_round(x: float) -> int:
    f = math.floor(x)
    return int(f + 1 if x - f >= 0.5 else f)


def parse_timestamp_ms(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)) or (isinstance(v, str) and NUMERIC.match(js_trim(v))):
        n = float(js_trim(v)) if isinstance(v, str) else float(v)
        ms = n if abs(n) >= 1e11 else n * 1000
    elif isinstance(v, str):
        ms = iso_ms(js_trim(v))
        if ms is None:
            return None
    else:
        return None
    return js_round(ms) if math.isfinite(ms) and EARLIEST_MS <= ms < LATEST_MS else None


def parse_boolean(v) -> bool:
    if isinstance(v, bool):
        return v
    s = as_text(v)
    s = s.lower() if s is not None else None
    if s in ("true", "t", "1", "yes"):
        return True
    if s in ("false", "f", "0", "no"):
        return False
    raise Skip("is empty" if is_blank(v) else "is not a boolean (true/false, t/f, 1/0, yes/no)")


def parse_row(get) -> tuple:
    """One row's values in the lab's column order; raises Skip(column, reason) at the first fault."""
    out = {}
    for column in ["user_id", "topic"]:
        v = get(column)
        if is_blank(v):
            raise Skip(column, "is empty")
        text = as_text(v)
        if text is None:
            raise Skip(column, "is not text")
        out[column] = text
    v = get("difficulty")
    if is_blank(v):
        raise Skip("difficulty", "is empty")
    s = (as_text(v) or "").lower()
    if s in DIFFICULTIES:
        out["difficulty"] = s
    elif re.fullmatch(r"[0-3]", s):
        out["difficulty"] = int(s)
    else:
        raise Skip("difficulty", "is not a difficulty (easy, medium, hard, 0–2 or 1–3)")
    v = get("completed_at")
    if is_blank(v):
        raise Skip("completed_at", "is empty")
    out["completed_at"] = parse_timestamp_ms(v)
    if out["completed_at"] is None:
        raise Skip("completed_at", "is not a timestamp")
    try:
        out["is_correct"] = parse_boolean(get("is_correct"))
    except Skip as e:
        raise Skip("is_correct", e.args[0]) from None
    v = get("actual_time_seconds")
    if is_blank(v):
        raise Skip("actual_time_seconds", "is empty")
    n = parse_number(v)
    if n is None or n < 0:
        raise Skip("actual_time_seconds", "is not a number" if n is None else "is negative")
    out["actual_time_seconds"] = n
    v = get("completed")
    try:
        out["completed"] = None if is_blank(v) else parse_boolean(v)
    except Skip as e:
        raise Skip("completed", e.args[0]) from None
    v = get("predicted_correct")
    p = None if is_blank(v) else parse_number(v)
    if not is_blank(v) and (p is None or not 0 <= p <= 1):
        raise Skip("predicted_correct", "is not a probability between 0 and 1")
    out["predicted_correct"] = p
    v = get("true_p")
    t = None if is_blank(v) else parse_number(v)
    out["true_p"] = t if t is not None and 0 <= t <= 1 else None
    return out


def normalise_header(name: str) -> str:
    return js_trim(name[1:] if name.startswith("\ufeff") else name).lower()


def map_columns(header: list) -> dict:
    """Canonical column → index into the header: an exact name beats an alias, else the first one wins."""
    lookup = {}
    for column, aliases in ALIASES.items():
        lookup[column] = (column, True)
        for alias in aliases:
            lookup[alias] = (column, False)
    found, exact = {}, {}
    for i, raw in enumerate(header):
        hit = lookup.get(normalise_header(str(raw)))
        if hit and (hit[0] not in found or (hit[1] and not exact[hit[0]])):
            found[hit[0]], exact[hit[0]] = i, hit[1]
    return found


def decode(data: bytes) -> str:
    if data[:2] == b"\xff\xfe":
        return data[2:].decode("utf-16-le")
    if data[:2] == b"\xfe\xff":
        return data[2:].decode("utf-16-be")
    body = data[3:] if data[:3] == b"\xef\xbb\xbf" else data
    if b"\x00" in body[:8192]:
        raise Refused("looks like a binary file, not CSV or JSON text")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("looks like a binary file, not CSV or JSON text") from None


def csv_records(text: str):
    """(header, [(row, fields)]) of CSV text: the delimiter that finds the most known columns in the header."""
    csv.field_size_limit(sys.maxsize)

    def reader(delimiter):
        return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)

    best, best_known = ",", -1
    for delimiter in [",", ";", "\t"]:
        header = next(reader(delimiter), [])
        known = len(map_columns(header))
        if known > best_known:
            best, best_known = delimiter, known
    records = reader(best)
    header = next(records, [])
    if len(header) < 2:
        raise Refused("is neither CSV nor JSON: no `,` `;` or tab delimiter separates its columns")
    rows, problems, row = [], [], 0
    for fields in records:
        if len(fields) == 0 or (len(fields) == 1 and js_trim(fields[0]) == ""):
            continue  # blank lines are not records
        row += 1
        if len(fields) < len(header) or any(js_trim(f) != "" for f in fields[len(header):]):
            problems.append((row, "(row)", f"has {len(fields)} fields, the header has {len(header)}"))
        else:
            rows.append((row, fields))
    return header, rows, problems


def json_records(text: str):
    """(format, header, [(row, values)], problems) of JSON (array, or under tasks/data/rows) or NDJSON."""

    def refuse_constant(name):
        raise ValueError(f"{name} is not JSON")

    def loads(s):
        # Numbers as float (JavaScript has no integers); NaN / Infinity are not JSON.
        return json.loads(s, parse_int=float, parse_constant=refuse_constant)

    fmt, entries, problems = "json", None, []
    try:
        value = loads(text)
        if isinstance(value, list):
            entries = [(i + 1, v) for i, v in enumerate(value)]
        elif isinstance(value, dict):
            inner = next((value[k] for k in ("tasks", "data", "rows") if isinstance(value.get(k, None), list)), None)
            if inner is not None:
                entries = [(i + 1, v) for i, v in enumerate(inner)]
            elif not re.search(r"[\r\n]", js_trim(text)) and map_columns(list(value.keys())):
                fmt, entries = "ndjson", [(1, value)]
        if entries is None:
            raise Refused('is JSON but holds no array of tasks '
                          '(expected an array, or one under "tasks", "data" or "rows")')
    except ValueError as error:
        fmt, entries = "ndjson", []
        for i, line in enumerate(re.split(r"\r?\n", text)):
            if js_trim(line) == "":
                continue
            try:
                entries.append((i + 1, loads(line)))
            except ValueError:
                problems.append((i + 1, "(row)", "is not valid JSON"))
        first = entries[0][1] if entries else 0
        # NDJSON only if most lines are JSON and the first is an object (JavaScript: null and arrays count).
        if not entries or len(entries) < len(problems) or not (first is None or isinstance(first, (dict, list))):
            raise Refused(f"is not valid JSON ({error})") from None
    header = []
    for _, v in entries:
        if isinstance(v, dict):
            header.extend(k for k in v if k not in header)
    rows = []
    for row, v in entries:
        if isinstance(v, dict):
            rows.append((row, [v.get(k, MISSING) for k in header]))
        else:
            problems.append((row, "(row)", "is not an object"))
    return fmt, header, rows, problems


def read_tasks(path: str) -> ImportResult:
    """Read a task export as the lab does: cleaned values, skipped rows reported, tasks in canonical order."""
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        raise Refused("is empty")
    text = decode(data)
    text = text[1:] if text.startswith("\ufeff") else text
    trimmed = text.lstrip(JS_SPACE)
    if trimmed == "":
        raise Refused("is empty")
    if "\x00" in text:
        raise Refused("looks like a binary file, not CSV or JSON text")
    if trimmed[0] in "[{":
        fmt, header, rows, problems = json_records(trimmed)
    elif trimmed[0] == "<":
        raise Refused("is neither CSV nor JSON (it looks like XML or HTML)")
    else:
        fmt = "csv"
        header, rows, problems = csv_records(text)
    columns = map_columns(header)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise Refused(f"is missing the required column(s) {', '.join(missing)}")
    result = ImportResult(tasks=[], problems=problems, format=fmt)
    numbered = []
    for row, values in rows:
        def get(column, values=values):
            i = columns.get(column)
            return MISSING if i is None else values[i]

        try:
            v = parse_row(get)
        except Skip as e:
            result.problems.append((row, e.args[0], e.args[1]))
            continue
        if v["completed"] is False:
            result.not_completed += 1
            continue
        task = Task(v["user_id"], v["topic"], v["difficulty"], v["completed_at"], v["is_correct"],
                    v["actual_time_seconds"], row, v["predicted_correct"], v["true_p"])
        result.tasks.append(task)
        if isinstance(task.difficulty, int):
            numbered.append(task)
    # Numeric levels: 0–2 when any 0 occurs among the kept rows, else 1–3.
    offset = 0 if any(t.difficulty == 0 for t in numbered) else 1
    dropped = set()
    for t in numbered:
        level = t.difficulty - offset
        if 0 <= level <= 2:
            t.difficulty = DIFFICULTIES[level]
        else:
            dropped.add(id(t))
            result.problems.append((t.row, "difficulty", "is 3, but this file numbers difficulty 0–2"))
    tasks = [t for t in result.tasks if id(t) not in dropped]
    if not tasks:
        raise Refused("has no valid row")
    result.tasks = sorted(tasks, key=lambda t: t.ms)  # stable: equal times keep file order
    result.problems.sort(key=lambda p: p[0])
    return result


# ---------------------------------------------------------------------------------------------------------
# 2–3. History features (docs/features.md §2–3)

FEATURE_NAMES = [
    "overall_correct_rate", "topic_correct_rate", "difficulty_correct_rate", "topic_difficulty_correct_rate",
    "overall_task_count", "topic_task_count", "difficulty_task_count", "recent_accuracy_5",
    "recent_topic_accuracy_5", "streak", "mean_log_time", "topic_mean_log_time", "time_since_previous",
]
LOG_TIME_SCALE = math.log1p(3600)
LOG_GAP_SCALE = math.log1p(30 * 24 * 3600)


def smooth(c: float, n: float, prior: float) -> float:
    return (c + 2 * prior) / (n + 2)


def recent_rate(window: list, fill: float) -> float:
    return (sum(window) + fill * (5 - len(window))) / 5


def clip(x: float, lo: float, hi: float) -> float:
    return min(hi, max(lo, x))


class UserHistory:
    """One user's tasks so far; `features_for` gives a next task's v1 features, `add` appends a task."""

    def __init__(self):
        self.n = self.c = 0
        self.sum_log = 0.0
        self.streak = 0
        self.last_ms = None
        self.recent = []
        self.topics = {}  # topic → [n, c, sum_log, recent]
        self.cells = {}  # difficulty or (topic, difficulty) → [n, c]

    def features_for(self, topic: str, difficulty: str, ms: int) -> list:
        t = self.topics.get(topic)
        d = self.cells.get(difficulty, [0, 0])
        td = self.cells.get((topic, difficulty), [0, 0])
        f0 = smooth(self.c, self.n, 0.5)
        f1 = smooth(t[1], t[0], f0) if t else f0
        mean_log = clip(self.sum_log / self.n / LOG_TIME_SCALE, 0, 1) if self.n else 0.5
        return [
            f0, f1, smooth(d[1], d[0], f0), smooth(td[1], td[0], f1),
            self.n / 100, (t[0] if t else 0) / 20, d[0] / 20,
            recent_rate(self.recent, f0), recent_rate(t[3] if t else [], f1),
            clip(self.streak, -10, 10) / 10,
            mean_log,
            clip(t[2] / t[0] / LOG_TIME_SCALE, 0, 1) if t else mean_log,
            1.0 if self.last_ms is None else clip(math.log1p(max(0, ms - self.last_ms) / 1000) / LOG_GAP_SCALE, 0, 1),
        ]

    def add(self, task: Task) -> None:
        hit = 1 if task.correct else 0
        lt = math.log1p(max(0.0, task.seconds))
        self.n += 1
        self.c += hit
        self.sum_log += lt
        self.streak = max(0, self.streak) + 1 if task.correct else min(0, self.streak) - 1
        self.last_ms = task.ms
        self.recent = (self.recent + [hit])[-5:]
        t = self.topics.setdefault(task.topic, [0, 0, 0.0, []])
        t[0] += 1
        t[1] += hit
        t[2] += lt
        t[3] = (t[3] + [hit])[-5:]
        for key in (task.difficulty, (task.topic, task.difficulty)):
            cell = self.cells.setdefault(key, [0, 0])
            cell[0] += 1
            cell[1] += hit


def history_features(tasks: list, histories: dict | None = None) -> np.ndarray:
    """v1 features (float32, len(tasks) × 13) of tasks in canonical order, each from the user's earlier tasks."""
    histories = {} if histories is None else histories
    out = np.zeros((len(tasks), 13), dtype=np.float32)
    for i, task in enumerate(tasks):
        h = histories.setdefault(task.user, UserHistory())
        out[i] = h.features_for(task.topic, task.difficulty, task.ms)
        h.add(task)
    return out


def to_version(features: np.ndarray, version: str) -> np.ndarray:
    out = features.copy()
    if version == "v2":
        out[:, 4:7] = np.minimum(out[:, 4:7], np.float32(1))
    return out


# ---------------------------------------------------------------------------------------------------------
# 4. Networks: model.json topology + weights.bin (docs/features.md §4)

ACTIVATIONS = {
    "linear": lambda x: x,
    "relu": lambda x: np.maximum(x, np.float32(0)),
    "sigmoid": lambda x: (1 / (1 + np.exp(-x))).astype(np.float32),
    "tanh": np.tanh,
    "softplus": lambda x: np.logaddexp(np.float32(0), x).astype(np.float32),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "elu": lambda x: np.where(x > 0, x, np.expm1(x)).astype(np.float32),
    "selu": lambda x: (1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x))).astype(np.float32),
    "swish": lambda x: (x / (1 + np.exp(-x))).astype(np.float32),
    "relu6": lambda x: np.clip(x, 0, 6),
    "hard_sigmoid": lambda x: np.clip(0.2 * x + 0.5, 0, 1).astype(np.float32),
    "exponential": np.exp,
    "softmax": lambda x: softmax(x),
}
ACTIVATIONS["silu"] = ACTIVATIONS["swish"]
# Layers that only act while training.
IDENTITY_LAYERS = {
    "Dropout", "SpatialDropout1D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization",
}
DTYPES = {"float32": "<f4", "int32": "<i4"}


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return (e / e.sum(-1, keepdims=True)).astype(np.float32)


def activation(name) -> callable:
    key = (name or "linear").lower() if isinstance(name, str) else "linear"
    if key not in ACTIVATIONS:
        raise ValueError(f"activation {name!r} is not supported")
    return ACTIVATIONS[key]


def read_weights(model_json: dict, read_file) -> dict:
    """weightsManifest → {name: array}: each group's files concatenated, entries back to back, little-endian."""
    weights = {}
    for group in model_json["weightsManifest"]:
        data = b"".join(read_file(p) for p in group["paths"])
        offset = 0
        for entry in group["weights"]:
            if "quantization" in entry or entry["dtype"] not in DTYPES:
                raise ValueError(f"weight {entry['name']}: dtype {entry['dtype']} / quantization is not supported")
            count = int(np.prod(entry["shape"], dtype=np.int64))
            size = count * 4
            if offset + size > len(data):
                raise ValueError(f"weights are truncated at {entry['name']}")
            array = np.frombuffer(data, dtype=DTYPES[entry["dtype"]], count=count, offset=offset)
            weights[entry["name"]] = array.reshape(entry["shape"]).astype(array.dtype.newbyteorder("="))
            offset += size
        if offset != len(data):
            raise ValueError(f"weights hold {len(data)} bytes where {offset} are expected")
    return weights


class Network:
    """One tfjs layers model, evaluated layer by layer in inference mode (float32)."""

    def __init__(self, path: str, model_json: dict, weights: dict, meta: dict):
        self.path, self.meta = path, meta
        topology = model_json["modelTopology"]
        topology = topology.get("model_config", topology)
        if topology.get("class_name") not in ("Model", "Functional"):
            raise ValueError(f"{path}: a {topology.get('class_name')} topology is not supported")
        self.config = topology["config"]
        self.inputs = [name for name, _, _ in self.config["input_layers"]]
        self.weights = weights

    def weight(self, layer: str, name: str) -> np.ndarray:
        # "<layer>/<weight>"; Keras-written names may carry a scope before it and ":0" after it.
        for key, value in self.weights.items():
            plain = key.split(":")[0]
            if plain == f"{layer}/{name}" or plain.endswith(f"/{layer}/{name}"):
                return value
        raise ValueError(f"{self.path}: weight {layer}/{name} is missing")

    def run(self, feeds: dict) -> np.ndarray:
        values = {}
        for layer in self.config["layers"]:
            cls, cfg, name = layer["class_name"], layer["config"], layer["name"]
            if cls == "InputLayer":
                dtype = np.int32 if cfg.get("dtype") == "int32" else np.float32
                values[(name, 0, 0)] = np.asarray(feeds[name], dtype=dtype)
                continue
            for node_index, node in enumerate(layer["inbound_nodes"]):
                if isinstance(node, dict):
                    raise ValueError(f"{self.path}: Keras 3 style inbound nodes are not supported")
                xs = [values[(src, ni, ti)] for src, ni, ti, *_ in node]
                values[(name, node_index, 0)] = self.apply(cls, cfg, name, xs)
        out_name, out_node, out_tensor = self.config["output_layers"][0]
        return values[(out_name, out_node, out_tensor)].reshape(-1)

    def apply(self, cls: str, cfg: dict, name: str, xs: list) -> np.ndarray:
        x = xs[0]
        if cls == "Embedding":
            table = self.weight(name, "embeddings")
            if x.min(initial=0) < 0 or x.max(initial=0) >= table.shape[0]:
                raise ValueError(f"{self.path}: index outside the {name} table")
            return table[x]
        if cls == "Flatten":
            return x.reshape(x.shape[0], -1)
        if cls == "Concatenate":
            return np.concatenate(xs, axis=cfg.get("axis", -1))
        if cls == "Dense":
            y = x @ self.weight(name, "kernel")
            if cfg.get("use_bias", True):
                y = y + self.weight(name, "bias")
            return activation(cfg.get("activation"))(y.astype(np.float32)).astype(np.float32)
        if cls == "BatchNormalization":
            if cfg.get("axis", -1) not in (-1, x.ndim - 1, [-1], [x.ndim - 1]):
                raise ValueError(f"{self.path}: BatchNormalization on axis {cfg.get('axis')} is not supported")
            mean, var = self.weight(name, "moving_mean"), self.weight(name, "moving_variance")
            gamma = self.weight(name, "gamma") if cfg.get("scale", True) else np.float32(1)
            beta = self.weight(name, "beta") if cfg.get("center", True) else np.float32(0)
            eps = np.float32(cfg.get("epsilon", 1e-3))
            return ((x - mean) / np.sqrt(var + eps) * gamma + beta).astype(np.float32)
        if cls in IDENTITY_LAYERS:
            return x
        if cls == "Activation":
            return activation(cfg.get("activation"))(x).astype(np.float32)
        if cls == "Add":
            return sum(xs[1:], x)
        if cls == "Subtract":
            return x - xs[1]
        if cls == "Multiply":
            out = x
            for other in xs[1:]:
                out = out * other
            return out
        if cls == "Average":
            return (sum(xs[1:], x) / np.float32(len(xs))).astype(np.float32)
        if cls in ("Maximum", "Minimum"):
            return (np.maximum if cls == "Maximum" else np.minimum).reduce(np.stack(xs), axis=0)
        if cls == "Reshape":
            return x.reshape((x.shape[0], *cfg["target_shape"]))
        raise ValueError(f"{self.path}: layer {name} of class {cls} is not supported")


# ---------------------------------------------------------------------------------------------------------
# 5–6. Bundles: outputs and routing (docs/features.md §5–7)


class Bundle:
    def __init__(self, manifest: dict, networks: dict):
        self.manifest, self.networks = manifest, networks
        routing = manifest["routing"]
        self.fallback = routing["fallback"]
        self.routes = routing["users"]

    def route_of(self, key: str) -> dict:
        return self.routes.get(key, self.fallback)

    def predict(self, tasks: list, features_v1: np.ndarray, user_key=None):
        """P(correct) (float32), seconds (float32) and the route ('shared' or the user key) for each task."""
        user_key = user_key or (lambda u: u)
        version = self.manifest["features"]["version"]
        history = to_version(features_v1, version)
        keys = [user_key(t.user) for t in tasks]
        p = np.zeros(len(tasks), dtype=np.float32)
        seconds = np.zeros(len(tasks), dtype=np.float32)
        routes = ["shared" if k not in self.routes else k for k in keys]
        groups = {}
        for i, k in enumerate(keys):
            groups.setdefault(k if k in self.routes else None, []).append(i)
        for key, rows in groups.items():
            route = self.routes[key] if key is not None else self.fallback
            idx = np.asarray(rows)
            sub = [tasks[i] for i in rows]
            subkeys = [keys[i] for i in rows]
            p[idx] = self.run(route["correctness"], sub, subkeys, history[idx])
            y = self.run(route["time"], sub, subkeys, history[idx])
            scale = self.networks[route["time"]].meta["timeScale"]
            s = np.expm1(y.astype(np.float64) * scale["std"] + scale["mean"])
            seconds[idx] = np.clip(s, scale["minSeconds"], scale["maxSeconds"])
        return p, seconds, routes

    def run(self, path: str, tasks: list, keys: list, history: np.ndarray) -> np.ndarray:
        net = self.networks[path]
        enc = net.meta["encoders"]
        vocab = {name: {tok: i + 1 for i, tok in enumerate(enc[name])} for name in ("users", "topics", "difficulties")}
        feeds = {}
        for name in net.inputs:
            if name == "user_input":
                feeds[name] = [[vocab["users"].get(k, 0)] for k in keys]
            elif name == "topic_input":
                feeds[name] = [[vocab["topics"].get(t.topic, 0)] for t in tasks]
            elif name == "difficulty_input":
                feeds[name] = [[vocab["difficulties"].get(t.difficulty, 0)] for t in tasks]
            elif name == "history_input":
                feeds[name] = history
            else:
                raise ValueError(f"{path}: unknown input {name}")
        return net.run(feeds)


def load_bundle(path: str) -> Bundle:
    """Open a bundle zip: manifest checks, then every routed network with its weights and metadata."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "manifest.json" not in names:
            raise Refused("has no manifest.json, so it is not a Retrain Lab model bundle")
        manifest = json.loads(z.read("manifest.json"))
        if manifest.get("format") != "retrain-lab-model":
            raise Refused('is not a Retrain Lab model bundle (no "retrain-lab-model" manifest)')
        if manifest.get("formatVersion") not in (1, 2):
            raise Refused(f"uses bundle format {manifest.get('formatVersion')}; this script reads formats 1 and 2")
        spec = manifest["features"]
        if spec.get("specVersion") != 1 or spec.get("names") != FEATURE_NAMES:
            raise Refused(f"its features follow spec version {spec.get('specVersion')} or another order; "
                          "this script computes version 1")
        routing = manifest["routing"]
        paths = [p for r in [routing["fallback"], *routing["users"].values()] for p in (r["correctness"], r["time"])]
        networks = {}
        for model_path in paths:
            if model_path not in names:
                raise Refused(f"lacks the network {model_path} named in its manifest")
            model_json = json.loads(z.read(model_path))
            folder = model_path.rsplit("/", 1)[0] + "/" if "/" in model_path else ""
            weights = read_weights(model_json, lambda p: z.read(folder + p))
            # Format 2 repeats what the model.json's metadata holds; format 1 has only the metadata.
            meta = (manifest.get("networks") or {}).get(model_path) or model_json.get("userDefinedMetadata") or {}
            if "encoders" not in meta or (meta.get("head") == "time" and "timeScale" not in meta):
                raise Refused(f"{model_path} lacks its vocabularies or time scaling")
            networks[model_path] = Network(model_path, model_json, weights, meta)
    return Bundle(manifest, networks)


# ---------------------------------------------------------------------------------------------------------
# Masked ids, fingerprint, self-check (docs/features.md §6, §8, §9)


def code_units(s: str) -> bytes:
    return s.encode("utf-16-be", "surrogatepass")


def letter_code(index: int) -> str:
    n, code = index + 1, ""
    while n > 0:
        n -= 1
        code = chr(65 + n % 26) + code
        n //= 26
    return code


def lab_labels(tasks: list) -> dict:
    """The lab's mask labels for this dataset's users: most tasks first, ties by id (UTF-16 code units)."""
    counts = {}
    for t in tasks:
        counts[t.user] = counts.get(t.user, 0) + 1
    order = sorted(counts, key=lambda u: (-counts[u], code_units(u)))
    return {u: f"User {letter_code(i)}" for i, u in enumerate(order)}


def fingerprint(tasks: list) -> str:
    users = sorted({t.user for t in tasks}, key=code_units)
    topics = sorted({t.topic for t in tasks}, key=code_units)
    user_rank = {u: i for i, u in enumerate(users)}
    topic_rank = {u: i for i, u in enumerate(topics)}
    names = json.dumps({"version": 1, "users": users, "topics": topics}, ensure_ascii=False, separators=(",", ":"))
    h = hashlib.sha256(names.encode("utf-8", "surrogatepass"))
    numbers = np.empty((len(tasks), 8), dtype="<f8")
    for i, t in enumerate(tasks):
        numbers[i] = (user_rank[t.user], topic_rank[t.topic], DIFFICULTIES.index(t.difficulty), t.ms,
                      1 if t.correct else 0, t.seconds, -1 if t.predicted is None else t.predicted,
                      -1 if t.true_p is None else t.true_p)
    h.update(numbers.tobytes())
    return "sha256:" + h.hexdigest()


def self_check(bundle: Bundle, tasks: list, tolerance: float, out=sys.stdout) -> int:
    check = bundle.manifest["selfCheck"]
    fp = fingerprint(tasks)
    if fp != check["datasetFingerprint"]:
        print(f"self-check not applicable: this file is dataset {fp[:19]}…, the bundle was checked on "
              f"{check['datasetFingerprint'][:19]}… (load the export's own data)", file=out)
        return 2
    indices = check["taskIndices"]
    labels = lab_labels(tasks) if bundle.manifest.get("idsMasked") else None
    p, s, routes = bundle.predict([tasks[i] for i in indices], history_features(tasks)[indices],
                                  (lambda u: labels.get(u, u)) if labels else None)
    stored_p = np.asarray(check["pCorrect"], dtype=np.float64)
    stored_s = np.asarray(check["timeSeconds"], dtype=np.float64)
    dp = float(np.max(np.abs(p.astype(np.float64) - stored_p), initial=0))
    ds = float(np.max(np.abs(s.astype(np.float64) - stored_s) / np.maximum(1, np.abs(stored_s)), initial=0))
    passed = dp <= tolerance and ds <= tolerance
    n_routes = len(set(routes))
    print(f"self-check {'passed' if passed else 'FAILED'}: {len(indices)} stored rows, {n_routes} route(s); "
          f"max |dP(correct)| = {dp:.3g}, max relative d(seconds) = {ds:.3g} (tolerance {tolerance:g})", file=out)
    return 0 if passed else 1


# ---------------------------------------------------------------------------------------------------------
# Command line


def iso_of(ms: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + f".{ms % 1000:03d}Z"


def user_key_for(bundle: Bundle, tasks: list, user_map: str | None):
    if user_map is None:
        if bundle.manifest.get("idsMasked"):
            raise Refused("the bundle's user ids are masked: pass --user-map auto (this file is the export's "
                          "own data) or --user-map FILE.csv (columns user_id,label)")
        return None
    if user_map == "auto":
        labels = lab_labels(tasks)
    else:
        with open(user_map, newline="", encoding="utf-8-sig") as f:
            labels = {js_trim(r["user_id"]): js_trim(r["label"]) for r in csv.DictReader(f)}
    return lambda u: labels.get(u, u)


def print_fingerprints(paths: list) -> int:
    """One line per file: its fingerprint, or why it is refused (exit 2 if any is)."""
    refused = False
    for path in paths:
        try:
            print(fingerprint(read_tasks(path).tasks))
        except (Refused, OSError) as error:
            print(f"refused: {error}")
            refused = True
    return 2 if refused else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description="Predict P(correct) and seconds with a Retrain Lab model bundle (numpy only).")
    ap.add_argument("paths", nargs="+", metavar="BUNDLE.zip TASKS",
                    help="the bundle zip (Download model, or compare --models) and a task export: CSV (, ; or tab), "
                         "JSON or NDJSON (--fingerprint: task exports only)")
    ap.add_argument("--out", help="write predictions as CSV here (default: standard output)")
    ap.add_argument("--self-check", action="store_true",
                    help="reproduce the manifest's stored predictions; exit 1 if they differ")
    ap.add_argument("--tolerance", type=float, default=1e-5, help="self-check pass mark (default 1e-5)")
    ap.add_argument("--user-map",
                    help="masked bundles: 'auto' (label this file's users as the lab does) or a CSV user_id,label")
    ap.add_argument("--next", nargs="+", metavar="VALUE",
                    help="USER TOPIC DIFFICULTY [COMPLETED_AT]: predict a next task after the file's history")
    ap.add_argument("--fingerprint", action="store_true",
                    help="print each task export's dataset fingerprint (or 'refused: reason') and exit")
    args = ap.parse_args(argv)
    if args.fingerprint:
        return print_fingerprints(args.paths)
    if len(args.paths) != 2:
        ap.error("give BUNDLE.zip TASKS")
    args.bundle, args.tasks = args.paths
    try:
        imported = read_tasks(args.tasks)
    except (Refused, OSError) as error:
        print(f"{args.tasks} {error}", file=sys.stderr)
        return 2
    tasks = imported.tasks
    if imported.problems:
        row, column, reason = imported.problems[0]
        print(f"{args.tasks}: {len(imported.problems)} row(s) skipped (first: row {row}, {column} {reason})",
              file=sys.stderr)
    try:
        bundle = load_bundle(args.bundle)
    except (Refused, OSError, zipfile.BadZipFile, ValueError, KeyError) as error:
        print(f"{args.bundle} was not loaded: {error}", file=sys.stderr)
        return 2
    if args.self_check:
        return self_check(bundle, tasks, args.tolerance)
    try:
        user_key = user_key_for(bundle, tasks, args.user_map)
    except (Refused, OSError, KeyError) as error:
        print(f"{args.bundle}: {error}", file=sys.stderr)
        return 2
    if args.next:
        if len(args.next) not in (3, 4):
            print("--next takes USER TOPIC DIFFICULTY [COMPLETED_AT]", file=sys.stderr)
            return 2
        user, topic, difficulty = js_trim(args.next[0]), js_trim(args.next[1]), args.next[2].strip().lower()
        ms = parse_timestamp_ms(args.next[3]) if len(args.next) == 4 else int(time.time() * 1000)
        if difficulty not in DIFFICULTIES or ms is None:
            print("--next: difficulty must be easy, medium or hard and COMPLETED_AT a timestamp", file=sys.stderr)
            return 2
        histories = {}
        history_features(tasks, histories)
        h = histories.get(user, UserHistory())
        nxt = Task(user, topic, difficulty, ms, False, 0.0, 0)
        features = np.asarray([h.features_for(topic, difficulty, ms)], dtype=np.float32)
        p, s, routes = bundle.predict([nxt], features, user_key)
        print(json.dumps({"user_id": user, "topic": topic, "difficulty": difficulty, "completed_at": iso_of(ms),
                          "history_tasks": h.n, "p_correct": float(p[0]), "predicted_seconds": float(s[0]),
                          "route": routes[0]}))
        return 0
    p, s, routes = bundle.predict(tasks, history_features(tasks), user_key)
    out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
    try:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["row", "user_id", "topic", "difficulty", "completed_at", "is_correct", "actual_time_seconds",
                    "p_correct", "predicted_seconds", "route"])
        for i in sorted(range(len(tasks)), key=lambda i: tasks[i].row):
            t = tasks[i]
            w.writerow([t.row, t.user, t.topic, t.difficulty, iso_of(t.ms), "true" if t.correct else "false",
                        js_number(t.seconds), f"{p[i]:.9g}", f"{s[i]:.9g}", routes[i]])
    finally:
        if args.out:
            out.close()
    if args.out:
        print(f"{len(tasks)} predictions written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
