"""The layout's rules, checked on the source: no import cycle, small modules, no script in strings,
each layer named in few places."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from layers.registry import layer_names

ROOT = Path(__file__).parent.parent
PACKAGES = ("geo", "layers", "render", "outputs")


def project_modules() -> dict[str, Path]:
    """Dotted module name → file, for app.py and every module of the project's packages."""
    modules = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


MODULES = project_modules()


def imports_of(name: str, path: Path) -> set[str]:
    """Project modules ``name`` imports anywhere in its file: top level, in functions, or by import_module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            targets = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        for target in targets:
            # Importing a.b.c runs a, a.b and a.b.c.
            pieces = target.split(".")
            found.update(".".join(pieces[: i + 1]) for i in range(len(pieces)) if ".".join(pieces[: i + 1]) in MODULES)
    found.discard(name)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_among_the_projects_modules():
    graph = {name: imports_of(name, path) for name, path in MODULES.items()}
    assert graph["render.mapbuilder"] >= {"layers.registry", "render.elements"}  # the graph is really read
    assert find_cycle(graph) is None


def test_layers_never_import_rendering_or_outputs_and_geo_imports_neither():
    for name, path in MODULES.items():
        deps = imports_of(name, path)
        if name.startswith("geo"):
            assert not {d for d in deps if d.split(".")[0] in ("layers", "render", "outputs")}, name
        if name.startswith("layers"):
            assert not {d for d in deps if d.split(".")[0] in ("render", "outputs")}, name
        if name.startswith("render"):
            assert not {d for d in deps if d.split(".")[0] == "outputs"}, name


@pytest.mark.parametrize("path", sorted([*MODULES.values(), *ROOT.glob("tests/*.py"), *ROOT.glob("bench/*.py")]))
def test_no_module_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


_JS_LINE = re.compile(
    r"\bfunction\b|\bvar\s|\blet\s|\bconst\s|=>|\bL\.\w+\(|\bTrippMap\.|\bdocument\.|\bwindow\.|[\w)\]'\"]\s*;\s*$|addEventListener"
)
# A selector and an opening brace, perhaps with declarations after it: ".x {", "a:hover { color: red; }".
_CSS_RULE = re.compile(r"^\s*[.#@]?[A-Za-z][\w\-\s,.#:>()\[\]=\"']*\{\s*([\w-]+\s*:[^;{}]+;?\s*)*\}?\s*$")


def _strings(tree: ast.AST) -> list[str]:
    """Every string literal in a module but its docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def script_lines(path: Path) -> tuple[list[str], list[str]]:
    """Lines of JavaScript, and lines of CSS rules, inside the Python strings of a module."""
    js, css = [], []
    for text in _strings(ast.parse(path.read_text(encoding="utf-8"))):
        for line in text.splitlines():
            if _JS_LINE.search(line):
                js.append(line)
            elif _CSS_RULE.search(line):
                css.append(line)
    return js, css


def test_the_script_counter_counts_scripts(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('X = """\nvar a = 1;\nfunction f() { return a; }\n.x { color: red; }\n"""\n', encoding="utf-8")
    js, css = script_lines(sample)
    assert len(js) == 2 and len(css) == 1


def test_at_most_20_lines_of_javascript_and_no_css_in_python_strings():
    js, css = [], []
    for path in MODULES.values():
        more_js, more_css = script_lines(path)
        js += [f"{path.name}: {line.strip()}" for line in more_js]
        css += [f"{path.name}: {line.strip()}" for line in more_css]
    assert len(js) <= 20, "\n".join(js)
    assert css == [], "\n".join(css)


def test_each_layer_is_named_in_at_most_three_modules():
    counts = {name: [] for name in layer_names()}
    for module, path in MODULES.items():
        literals = set(_strings(ast.parse(path.read_text(encoding="utf-8"))))
        for name in counts:
            if name in literals:
                counts[name].append(module)
    assert counts["tripp_route"], "the count is really taken"
    for name, modules in counts.items():
        assert len(modules) <= 3, (name, modules)
