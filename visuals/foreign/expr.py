"""ISF buffer sizes: ``"floor($WIDTH/2.0)"``, ``"max(8.0, $HEIGHT*$quality)"``.

A header is data from anywhere, so its expressions are parsed here by a small recursive-
descent parser over numbers, ``$NAME`` variables, + - * / % ^, parentheses and a fixed table of
math functions; nothing is ever passed to Python's ``eval``.  Length and nesting are bounded.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

MAX_LENGTH = 256
MAX_DEPTH = 32
_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|(\$[A-Za-z_]\w*)|([A-Za-z_]\w*)|(.))")
_FUNCS = {"floor": (1, math.floor), "ceil": (1, math.ceil), "round": (1, round), "abs": (1, abs),
          "sqrt": (1, lambda x: math.sqrt(max(x, 0.0))), "sin": (1, math.sin), "cos": (1, math.cos),
          "tan": (1, math.tan), "log": (1, lambda x: math.log(x) if x > 0 else 0.0),
          "exp": (1, lambda x: math.exp(min(x, 60.0))), "trunc": (1, math.trunc),
          "min": (2, min), "max": (2, max), "pow": (2, lambda a, b: _pow(a, b)),
          "clamp": (3, lambda x, lo, hi: min(max(x, lo), hi))}


class ExprError(ValueError):
    pass


def _pow(a: float, b: float) -> float:
    try:
        return float(math.pow(a, b))
    except (OverflowError, ValueError):
        return math.inf


@dataclass(frozen=True)
class SizeExpr:
    """A parsed expression; ``variables`` are the ``$NAME``s it reads (without the $)."""

    text: str
    tree: tuple
    variables: frozenset[str]

    def __call__(self, values: dict[str, float]) -> float:
        return _eval(self.tree, values)


def parse(text: str | int | float) -> SizeExpr:
    if isinstance(text, bool):
        raise ExprError("a size is a number or an expression, not true/false")
    if isinstance(text, (int, float)):
        return SizeExpr(str(text), ("num", float(text)), frozenset())
    if not isinstance(text, str):
        raise ExprError("a size is a number or an expression string")
    if len(text) > MAX_LENGTH:
        raise ExprError(f"the expression is {len(text)} characters long (at most {MAX_LENGTH})")
    tokens = []
    for m in _TOKEN.finditer(text):
        if m.group(0).strip() == "":
            continue
        num, var, name, other = m.groups()
        if num is not None:
            tokens.append(("num", float(num)))
        elif var is not None:
            tokens.append(("var", var[1:]))
        elif name is not None:
            tokens.append(("name", name))
        else:
            tokens.append(("op", other))
    parser = _Parser(tokens, text)
    tree = parser.expression(0)
    if parser.pos != len(tokens):
        raise ExprError(f"unexpected '{parser.peek()[1]}' in '{text}'")
    return SizeExpr(text, tree, frozenset(parser.variables))


class _Parser:
    def __init__(self, tokens: list, text: str):
        self.tokens, self.text, self.pos = tokens, text, 0
        self.variables: set[str] = set()

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", "end")

    def take(self, kind: str, value=None):
        tok = self.peek()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise ExprError(f"expected {value or kind} at '{tok[1]}' in '{self.text}'")
        self.pos += 1
        return tok

    def expression(self, depth: int):
        if depth > MAX_DEPTH:
            raise ExprError("the expression is nested too deeply")
        node = self.term(depth)
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take("op")[1]
            node = (op, node, self.term(depth))
        return node

    def term(self, depth: int):
        node = self.power(depth)
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take("op")[1]
            node = (op, node, self.power(depth))
        return node

    def power(self, depth: int):
        node = self.unary(depth)
        if self.peek() == ("op", "^"):
            self.take("op")
            node = ("^", node, self.power(depth + 1))
        return node

    def unary(self, depth: int):
        if self.peek() in (("op", "-"), ("op", "+")):
            op = self.take("op")[1]
            inner = self.unary(depth + 1)
            return ("neg", inner) if op == "-" else inner
        return self.atom(depth)

    def atom(self, depth: int):
        kind, value = self.peek()
        if kind == "num":
            self.pos += 1
            return ("num", value)
        if kind == "var":
            self.pos += 1
            self.variables.add(value)
            return ("var", value)
        if kind == "name":
            self.pos += 1
            if value not in _FUNCS:
                raise ExprError(f"unknown function '{value}' in '{self.text}' (known: {', '.join(sorted(_FUNCS))})")
            arity = _FUNCS[value][0]
            self.take("op", "(")
            args = [self.expression(depth + 1)]
            while self.peek() == ("op", ","):
                self.take("op")
                args.append(self.expression(depth + 1))
            self.take("op", ")")
            if len(args) != arity:
                raise ExprError(f"{value}() takes {arity} argument(s), got {len(args)}")
            return ("call", value, tuple(args))
        if (kind, value) == ("op", "("):
            self.take("op")
            node = self.expression(depth + 1)
            self.take("op", ")")
            return node
        raise ExprError(f"unexpected '{value}' in '{self.text}'")


def _eval(node: tuple, values: dict[str, float]) -> float:
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in values:
            raise ExprError(f"unknown variable ${node[1]}")
        return float(values[node[1]])
    if kind == "neg":
        return -_eval(node[1], values)
    if kind == "call":
        return float(_FUNCS[node[1]][1](*(_eval(a, values) for a in node[2])))
    a, b = _eval(node[1], values), _eval(node[2], values)
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    if kind == "/":
        return a / b if b else math.inf
    if kind == "%":
        return math.fmod(a, b) if b else 0.0
    return _pow(a, b)
