"""The web UI: FastAPI pages over a store, each with a JSON twin under `/api` from the same view.

Pages are server-rendered Jinja2 with autoescaping (article text is untrusted) and a
Content-Security-Policy that allows no script at all, so even a missed escape could not run.
The store is opened read-only, one connection per concurrent request from a small pool.
"""

from __future__ import annotations

import inspect
import json
import queue
import typing
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.errors import CATALOGUE, StorylineError
from storyline.model import Story, TimelineEntry
from storyline.report import code_spans, describe_fact
from storyline.report.events import highlighted_sentence
from storyline.report.plots import timeline_svg
from storyline.store.sqlite import SqliteStore
from storyline.web import views
from storyline.web.markup import marked_text

TEMPLATES = Path(__file__).parent / "templates"
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
POOL_SIZE = 8


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """What every JSON error looks like: the catalogue code (E401, E402, E3xx) and a message."""

    error: ErrorDetail


def _responses(html: bool, lookup: bool) -> dict[int | str, dict[str, Any]]:
    """The error responses a route documents: 404 for routes that look an id up, 422 for bad
    parameters, 503 when the store cannot be read."""
    codes = {422: "E402 bad parameter", 503: "E3xx store error"}
    if lookup:
        codes[404] = "E401 no such object"
    if html:
        return {code: {"description": text, "content": {"text/html": {}}}
                for code, text in codes.items()}
    return {code: {"description": text, "model": ErrorBody} for code, text in codes.items()}


class StorePool:
    """Read-only connections to one store file, handed to one request at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._free: queue.SimpleQueue[SqliteStore] = queue.SimpleQueue()

    @contextmanager
    def store(self) -> Iterator[SqliteStore]:
        try:
            store = self._free.get_nowait()
        except queue.Empty:
            store = SqliteStore(self.path, readonly=True)
        try:
            yield store
        finally:
            if self._free.qsize() < POOL_SIZE:
                self._free.put(store)
            else:
                store.close()

    def close(self) -> None:
        while True:
            try:
                self._free.get_nowait().close()
            except queue.Empty:
                return


def get_store(request: Request) -> Iterator[SqliteStore]:
    with request.app.state.pool.store() as store:
        yield store


StoreDep = Annotated[SqliteStore, Depends(get_store)]
Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]


def _id_url(value: str | None) -> str:
    """An id as one URL path segment: slashes, `?` and `#` in ids stay part of the id."""
    return quote(value or "", safe="")


def _twin(request: Request) -> str:
    """The JSON twin's URL, from the path as sent (an id's `%2F` must stay encoded)."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    path = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
    query = f"?{request.url.query}" if request.url.query else ""
    return f"/api{path}{query}"


def _plot(data: dict[str, Any]) -> str:
    """The storyline's SVG plot, story bars linking to their pages (our own markup, escaped)."""
    stories = [Story(**s) for s in data["stories"]]
    entries = [TimelineEntry(storyline_id=e["storyline_id"], date=e["date"],
                             summary=[line["sentence"] for line in e["lines"]],
                             citations=[{"article_id": line["article_id"]} for line in e["lines"]])
               for e in data["timeline"]]
    return timeline_svg(stories, entries, link=lambda s: f"/stories/{_id_url(s.id)}")


EXTRAS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "storyline.html": lambda data: {"plot": _plot(data)},
    "article.html": lambda data: {"pieces": marked_text(
        data["article"]["text"], data["mentions"], data["events"])},
}
"""What an HTML page draws from its data beyond the data itself (pictures, marked text)."""


def create_app(db: str | Path) -> FastAPI:
    """The web app over the store at `db` (which must exist; it is migrated once if older)."""
    path = Path(db)
    if not path.exists():
        raise StorylineError("E301", f"no store at {path} (run `storyline run` first)")
    SqliteStore(path).close()  # create missing tables / migrate once, with write access
    pool = StorePool(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="storyline", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
        description="Stories, storylines, timelines, events and framing of a storyline store. "
        "Every HTML page at PATH has a JSON twin at /api/PATH.",
    )
    app.state.pool = pool
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    env.filters["idurl"] = _id_url
    env.filters["fact"] = describe_fact
    env.filters["codespans"] = lambda text: Markup(code_spans(text))  # escaped
    env.filters["highlight"] = lambda event: Markup(highlighted_sentence(event))  # escaped
    templates = Jinja2Templates(env=env)
    env.globals["version"] = __version__

    def page(route: str, template: str, summary: str) -> Callable[[Callable], Callable]:
        """Register `view` at /api<route> (JSON) and <route> (HTML rendered from the same data)."""

        def register(view: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
            hints = typing.get_type_hints(view, include_extras=True)
            params = [p.replace(annotation=hints[p.name])
                      for p in inspect.signature(view).parameters.values()]
            lookup = "{" in route

            def twin(**kwargs: Any) -> Response:
                # the views return plain JSON values: skip FastAPI's slow generic encoder
                return Response(json.dumps(view(**kwargs), ensure_ascii=False),
                                media_type="application/json")

            twin.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
            app.add_api_route("/api" + route, twin, methods=["GET"], tags=["json"],
                              summary=summary, name=view.__name__ + "_json",
                              responses=_responses(html=False, lookup=lookup))

            def html(request: Request, **kwargs: Any) -> Response:
                data = view(**kwargs)
                extra = EXTRAS.get(template, lambda _: {})(data)
                return templates.TemplateResponse(
                    request, template, {"data": data, "json_url": _twin(request), **extra}
                )

            request_param = inspect.Parameter(
                "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
            )
            html.__signature__ = inspect.Signature([request_param, *params])  # type: ignore
            app.add_api_route(route, html, methods=["GET"], tags=["html"], summary=summary,
                              response_class=HTMLResponse, name=view.__name__,
                              responses=_responses(html=True, lookup=lookup))
            return view

        return register

    @page("/", "home.html", "Counts and storylines")
    def home(store: StoreDep) -> dict[str, Any]:
        return views.home(store)

    @page("/search", "search.html", "Full-text search over titles and texts")
    def search(
        store: StoreDep,
        q: Annotated[str, Query(max_length=500, description="Words, \"phrases\", prefix*.")] = "",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        return views.search(store, q, limit)

    @page("/storylines", "storylines.html", "All storylines")
    def storylines(store: StoreDep) -> dict[str, Any]:
        return views.storylines(store)

    @page("/storylines/{storyline_id}", "storyline.html", "A storyline: plot, stories, timeline")
    def storyline(store: StoreDep, storyline_id: Annotated[str, PathParam()]) -> dict[str, Any]:
        return views.storyline(store, storyline_id)

    @page("/stories", "stories.html", "Stories, in date order")
    def stories(store: StoreDep, page: Page = 1) -> dict[str, Any]:
        return views.stories(store, page)

    @page("/stories/{story_id}", "story.html",
          "A story: articles, timeline lines, events, framing by outlet")
    def story(store: StoreDep, story_id: Annotated[str, PathParam()]) -> dict[str, Any]:
        return views.story(store, story_id)

    @page("/articles/{article_id:path}", "article.html",
          "An article: marked text, events, removed boilerplate, copies")
    def article(store: StoreDep, article_id: Annotated[str, PathParam()]) -> dict[str, Any]:
        return views.article(store, article_id)

    @page("/outlets", "outlets.html", "Outlets and their counts")
    def outlets(store: StoreDep) -> dict[str, Any]:
        return views.outlets(store)

    @page("/outlets/{name:path}", "outlet.html", "An outlet: its articles and framing")
    def outlet(store: StoreDep, name: Annotated[str, PathParam()],
               page: Page = 1) -> dict[str, Any]:
        return views.outlet(store, name, page)

    @page("/events", "events.html", "Events filtered by type, actor, place, dates, story")
    def events(
        store: StoreDep,
        type: Annotated[str | None, Query(max_length=40)] = None,  # noqa: A002
        actor: Annotated[str | None, Query(max_length=200)] = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
        until: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
        story: Annotated[str | None, Query(max_length=200)] = None,
        page: Page = 1,
    ) -> dict[str, Any]:
        return views.events(store, type, actor, place, since, until, story, page)

    @app.get("/api", include_in_schema=False)
    def api_root() -> RedirectResponse:
        return RedirectResponse("/api/")

    def _error(request: Request, status: int, code: str, message: str) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html",
            {"code": code, "message": message, "title": CATALOGUE.get(code, ""),
             "json_url": _twin(request)},
            status_code=status,
        )

    @app.exception_handler(views.NotFound)
    def not_found(request: Request, exc: views.NotFound) -> Response:
        return _error(request, 404, exc.code, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _error(request, 404, "E401", f"no page at {request.url.path}")
        return _error(request, exc.status_code, "E402", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return _error(request, 422, "E402", f"{CATALOGUE['E402']}: {problems}")

    @app.exception_handler(StorylineError)
    def store_error(request: Request, exc: StorylineError) -> Response:
        return _error(request, 503, exc.code, str(exc))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the web UI until interrupted; the gazetteer that place filters read loads in the
    background meanwhile, so the first place filter does not wait seconds for it."""
    import threading

    import uvicorn

    from storyline.nlp import lookup

    threading.Thread(target=lookup.warm, name="gazetteer-warm-up", daemon=True).start()
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
