"""Each app owns its services' state: two apps never share an engine or a cache."""
from app import create_app
from app.extensions import services


def _bare_app(tmp_path, name):
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "INSTANCE_PATH_OVERRIDE": str(tmp_path / name)})


def test_each_app_has_its_own_container_and_builds_an_item_once(tmp_path):
    first, second = _bare_app(tmp_path, "a"), _bare_app(tmp_path, "b")
    built = []
    with first.app_context():
        assert services().get_or_create("engine", lambda: built.append(1) or "first engine") == "first engine"
        assert services().get_or_create("engine", lambda: built.append(1) or "rebuilt") == "first engine"
    with second.app_context():
        assert services().get("engine") is None
        services().put("engine", "second engine")
    with first.app_context():
        assert services().get("engine") == "first engine"
        services().discard("engine")
        assert services().get("engine", "gone") == "gone"
    assert built == [1]
