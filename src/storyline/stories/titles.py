"""Readable titles. A story is titled by its central event, stated neutrally: who did what,
where, when ("Russia and Turkey agree to ceasefire in Idlib, 5 March 2020"). Only when no event
can be stated does it take its most central headline, and never one in an outlet's voice. A
storyline names its recurring issue, place and actors, and its years.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.model import Article, Story, Storyline
from storyline.stories.central import (
    LEAD_CHARS,
    SPECIFIC,
    Happening,
    Reading,
    best_place,
    country_names,
    dateline_end,
    happenings,
    main_reading_group,
    usable_name,
)
from storyline.stories.features import content_words
from storyline.stories.issues import Issue, issue_counts, issues_in
from storyline.stories.phrasing import (
    AGREE_TO,
    capitalize_first,
    day_text,
    join_names,
    loaded_terms,
    sentence_verb,
    takes_plural,
    verb_for,
    years_text,
)

_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,40}$")
"""" - Outlet Name" or " | Site" after a headline."""
_SELF_REFERENCE = re.compile(r"\b(?:we|our|us)\b|\((?:[A-Z][\w.]*\s?){1,4}\)", re.IGNORECASE)
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
NEEDS_TARGET = frozenset({"ACCUSE", "COERCE", "ASSAULT"})
PREFERS_ISSUE = frozenset({"REJECT", "SANCTION", "RETREAT", "REQUEST", "CONCEDE", "SUPPORT",
                           "THREATEN"})
DEAL_HEADS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "memorandum"})
"""Words one deal goes by: a bare "the agreements" of a story about a deal is that deal."""
TALK_HEADS = frozenset({"talks", "summit", "negotiations"})


def clean_headline(title: str, outlet: str | None = None) -> str:
    """A headline without its site suffix or dateline."""
    title = " ".join(title.split())
    title = title[dateline_end(title):] or title
    stripped = _SITE_SUFFIX.sub("", title)
    return stripped if len(stripped) >= 20 else title


def _by_id(articles: Mapping[str, Article] | Sequence[Article]) -> Mapping[str, Article]:
    return articles if isinstance(articles, Mapping) else {a.id: a for a in articles}


def headline_acceptable(headline: str, outlets: Sequence[str] = ()) -> bool:
    """A headline a neutral title can reuse: no loaded term, no outlet speaking of itself."""
    if loaded_terms(headline) or _SELF_REFERENCE.search(headline):
        return False
    low = headline.casefold()
    return not any(re.search(rf"(?<!\w){re.escape(o.casefold())}(?!\w)", low)
                   for o in outlets if o)


def ranked_headlines(members: Sequence[Article]) -> list[Article]:
    """Titled articles, the headline sharing most content words with the story's other
    headlines and leads first; originals before copies, then earliest, then shortest."""
    titled = [a for a in members if a.title and a.title.strip()]
    bags = {a.id: set(content_words(f"{a.title} {a.text[:400]}")) for a in members}
    count: Counter[str] = Counter(w for bag in bags.values() for w in bag)

    def score(article: Article) -> tuple[float, int, str, int, str]:
        words = set(content_words(article.title or ""))
        shared = sum(count[w] - 1 for w in words) / max(len(words), 1) ** 0.5
        return (-shared, int(bool(article.duplicate_of)), article.published or "9999",
                len(article.title or ""), article.id)

    return sorted(titled, key=score)


def central_headline(members: Sequence[Article], outlets: Sequence[str] = ()) -> str | None:
    """The most central headline that is neither loaded nor in an outlet's own voice."""
    known = sorted({a.outlet for a in members if a.outlet} | set(outlets))
    for article in ranked_headlines(members):
        headline = clean_headline(article.title or "")
        if headline_acceptable(headline, known):
            return headline
    return None


def _object_issue(event: dict) -> Issue | None:
    """The first issue phrase after the doer in the event's sentence: the object position."""
    sentence = event.get("sentence") or ""
    text = (event.get("source") or {}).get("text") or ""
    at = sentence.find(text) + len(text) if text and text in sentence else 0
    found = issues_in(sentence[at:])
    return found[0] if found else None


def _issue(readings: Sequence[Reading], story_issues: Mapping[str, Issue],
           avoid: Sequence[str]) -> Issue | None:
    """The issue most readings name in the object position; a bare "deal" becomes the deal
    the story names in full ("Black Sea grain deal")."""
    counts: Counter[str] = Counter()
    written: dict[str, Issue] = {}
    for reading in readings:
        issue = _object_issue(reading.event)
        if issue is None or any(a.casefold() == issue.text.casefold() for a in avoid):
            continue
        if not issue.standalone:
            issue = story_issues.get(issue.head) or (
                story_issues.get("deal") if issue.head in DEAL_HEADS else None)
            if issue is None:
                continue
        counts[issue.key] += 1
        written.setdefault(issue.key, issue)
    if not counts:
        return None
    key = sorted(counts, key=lambda k: (-counts[k], -len(k.split()), k))[0]
    return written[key]


def story_issues(events: Sequence[dict], members: Sequence[Article]) -> dict[str, Issue]:
    """Per head noun, the fullest phrase the story's headlines and sentences use for it."""
    texts = [(a.id, a.title) for a in members if a.title]
    texts += [(e["article_id"], e.get("sentence") or "") for e in events]
    counts, written = issue_counts(texts)
    best: dict[str, Issue] = {}
    for key in sorted(counts, key=lambda k: (-counts[k], -len(k.split()), k)):
        head = key.split()[-1]
        if counts[key] >= 2 and head not in best and " " in key:
            best[head] = Issue(written[key], key, head)
    return best


def phrase_happening(happening: Happening, issues: Mapping[str, Issue] | None = None
                     ) -> str | None:
    """"Russia and Turkey agree to ceasefire in Idlib, 5 March 2020", or None when the
    happening lacks what its type needs (an object, a second side)."""
    readings = main_reading_group(happening)
    kind = happening.kind
    actors = list(readings[0].participants)
    targets = Counter(r.target for r in readings if r.target and r.target not in actors)
    target = sorted(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if targets else None
    outlets = {r.outlet for r in happening.readings}
    passive = kind == "ASSAULT" and (not actors or 2 * len({r.outlet for r in readings})
                                     < len(outlets))
    sentences = [r.event.get("sentence") or "" for r in readings]
    issue = _issue(readings, issues or {}, [*actors, *(target and [target] or [])])
    if kind in SYMMETRIC and target and len(actors) < 2:
        actors.append(target)
        target = None
    if passive:
        assault_targets = Counter(r.target for r in happening.readings if r.target)
        if not assault_targets:
            return None
        subject = sorted(assault_targets.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        body = f"{subject} attacked"
        actors = [subject]
    else:
        body = _predicate(kind, actors, target, issue, sentences)
        if body is None:
            return None
    place = best_place(happening.readings if passive else readings,
                       [*actors, *(target and [target] or [])], venue_first=kind == "CONSULT")
    if place and issue and place.casefold() in issue.text.casefold():
        place = None
    title = capitalize_first(body) + (f" {place_preposition(place)} {place}" if place else "")
    date = day_text(happening.date)
    title = f"{title}, {date}" if date else title
    return None if loaded_terms(title) else title


def place_preposition(place: str) -> str:
    """"on M4 highway", "at Bab al-Hawa crossing", "in Idlib"."""
    last = place.split()[-1].lower()
    if last in ("highway", "road", "route", "river", "border", "frontline"):
        return "on"
    if last in ("crossing", "airport", "port", "base", "checkpoint", "bridge"):
        return "at"
    return "in"


def _predicate(kind: str, actors: list[str], target: str | None, issue: Issue | None,
               sentences: Sequence[str]) -> str | None:
    plural = takes_plural(actors)
    subject = join_names(actors)
    if kind in SYMMETRIC:
        if issue and kind == "CONSULT" and issue.head not in TALK_HEADS:
            return f"{subject} {'hold' if plural else 'holds'} talks on {issue.text}"
        if issue and kind == "AGREE":
            verb = verb_for(kind, plural, sentences)
            if verb in ("agree", "agrees"):
                return f"{subject} {verb} {'to' if issue.head in AGREE_TO else 'on'} {issue.text}"
            return f"{subject} {verb} {issue.text}"
        if issue and kind == "COOPERATE":
            if issue.text.startswith("joint"):
                return f"{subject} {'hold' if plural else 'holds'} {issue.text}"
            return f"{subject} {'cooperate' if plural else 'cooperates'} on {issue.text}"
        if len(actors) < 2:
            return None
        if kind == "AGREE":
            return f"{subject} reach agreement"
        return f"{subject} {verb_for(kind, plural)}"
    if kind in ("PROTEST", "MOBILIZE"):
        return f"{subject} {verb_for(kind, plural)}"
    if kind == "AID":
        if target:
            return f"{subject} {verb_for(kind, plural)} {target}"
        through = (f" through {issue.text}" if issue and issue.head in ("crossing", "corridor")
                   else "")
        return f"{subject} {'send' if plural else 'sends'} aid{through}"
    obj = issue.text if issue and (kind in PREFERS_ISSUE or not target) else target
    if kind in NEEDS_TARGET:
        obj = target
    if obj is None:
        return None
    if obj == target and sentence_verb(kind, plural, sentences):
        return None  # "signed an agreement with Turkey" is no "backs Turkey"
    verb = verb_for(kind, plural, sentences if obj != target else ())
    if kind == "CONCEDE" and verb in ("agree", "agrees"):
        verb += " to"
    return f"{subject} {verb} {obj}"


def event_title(events: Sequence[dict], articles: Mapping[str, Article] | Sequence[Article] = (),
                mentions: Mapping[str, Sequence[dict]] | None = None,
                outlets: Sequence[str] = ()) -> str | None:
    """The title of the most reported happening that can be stated, or None."""
    by_id = _by_id(articles) if articles else {}
    if not by_id:  # events alone: treat each article as English from an unknown outlet
        by_id = {e["article_id"]: Article(e["article_id"], "", None, None, None, None, "en", "")
                 for e in events}
    mentions = mentions or {}
    known = sorted({a.outlet for a in by_id.values() if a.outlet} | set(outlets))
    countries = country_names(mentions)
    issues = story_issues(events, list(by_id.values()))
    for happening in happenings(events, by_id, mentions, known, countries):
        title = phrase_happening(happening, issues)
        if title:
            return title
    return None


def story_title(story: Story, articles: Mapping[str, Article] | Sequence[Article],
                events: Sequence[dict] = (),
                mentions: Mapping[str, Sequence[dict]] | None = None,
                outlets: Sequence[str] = ()) -> str:
    """The story's central event; without one, its most central neutral headline."""
    by_id = _by_id(articles)
    members = [by_id[a] for a in story.article_ids if a in by_id]
    mine = set(story.article_ids)
    known = sorted({a.outlet for a in by_id.values() if a.outlet} | set(outlets))
    line = event_title([e for e in events if e.get("article_id") in mine],
                       {a.id: a for a in members}, mentions, known)
    if line:
        return line
    headline = central_headline(members, known)
    if headline:
        return headline
    return _names_line(members, mentions or {}, known, story.start) or f"Story {story.id}"


def _names_line(members: Sequence[Article], mentions: Mapping[str, Sequence[dict]],
                outlets: Sequence[str], start: str | None) -> str | None:
    """"Turkey and Syria, 6 February 2023": the story's most named actors and its day, when
    neither an event nor a headline can be used."""
    counts: Counter[str] = Counter()
    for article in members:
        for m in mentions.get(article.id, ()):
            actor = m.get("actor") or {}
            if usable_name(actor.get("name"), actor.get("text"), actor.get("kind"), outlets):
                counts[actor["name"]] += 1
    names = [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    if not names:
        return None
    date = day_text(start)
    return f"{join_names(names)}, {date}" if date else join_names(names)


def storyline_title(storyline: Storyline, stories: Sequence[Story],
                    articles: Mapping[str, Article] | Sequence[Article],
                    events: Sequence[dict] = (),
                    mentions: Mapping[str, Sequence[dict]] | None = None) -> str:
    """"<Issue> in <place>: <actor> and <actor>, <years>" from what most of its stories share;
    a storyline of one story keeps that story's title."""
    wanted = set(storyline.story_ids)
    mine = [s for s in stories if s.id in wanted]
    if len(mine) == 1:
        return mine[0].title
    by_id = _by_id(articles)
    mentions = mentions or {}
    outlets = sorted({a.outlet for a in by_id.values() if a.outlet})
    actors = [a for a in _shared_names(mine, events, mentions)[0]
              if usable_name(a, None, None, outlets)]
    issue = recurring_issue(mine, by_id, events)
    place = recurring_place(mine, by_id, mentions, [*actors[:2], issue or ""])
    who = join_names(actors[:2])
    head = capitalize_first(issue) if issue else None
    if head and place:
        head = f"{head} in {place}"
    core = f"{head}: {who}" if head and who else (head or (f"{place}: {who}" if place and who
                                                         else place or who))
    if not core or loaded_terms(core):
        core = who or (mine[0].title if mine else f"Storyline {storyline.id}")
    years = years_text(storyline.start, storyline.end)
    return f"{core}, {years}" if years else core


def recurring_issue(stories: Sequence[Story], articles: Mapping[str, Article],
                    events: Sequence[dict]) -> str | None:
    """The issue phrase most stories name in headlines and event sentences; the longest
    phrase that extends it when nearly as many name that ("Black Sea grain deal")."""
    story_of = {a: s.id for s in stories for a in s.article_ids}
    texts: list[tuple[str, str]] = []
    for aid, sid in sorted(story_of.items()):
        article = articles.get(aid)
        if article is not None and article.title and (article.language or "en")[:2] == "en":
            texts.append((sid, article.title))
    texts += [(story_of[e["article_id"]], e.get("sentence") or "") for e in events
              if e.get("article_id") in story_of]
    counts, written = issue_counts(texts)
    need = max(2, -(-len(stories) // 2))
    ranked = sorted((k for k in counts if counts[k] >= need),
                    key=lambda k: (-counts[k], -len(k.split()), k))
    if not ranked:
        return None
    best = ranked[0]
    longer = [k for k in ranked if k.endswith(" " + best) and counts[k] >= counts[best] - 1]
    choice = sorted(longer, key=lambda k: (-len(k.split()), -counts[k], k))[0] if longer else best
    text = written[choice]
    return None if loaded_terms(text) else text


def recurring_place(stories: Sequence[Story], articles: Mapping[str, Article],
                    mentions: Mapping[str, Sequence[dict]], avoid: Sequence[str]) -> str | None:
    """A place named in the headline or lead of most stories; a venue of one meeting (the
    deal signed in Istanbul) is in one story's lead, not in most."""
    found: dict[str, set[str]] = {}
    feature: dict[str, str | None] = {}
    for story in stories:
        for aid in story.article_ids:
            article = articles.get(aid)
            if article is None:
                continue
            skip = dateline_end(article.text)
            for m in mentions.get(aid, ()):
                place = m.get("place") or {}
                name = place.get("name")
                if not name or place.get("feature") in (None, "country"):
                    continue
                in_title = bool(article.title) and (m.get("text") or name) in article.title
                if in_title or skip <= m["start"] < skip + LEAD_CHARS:
                    found.setdefault(name, set()).add(story.id)
                    feature[name] = place.get("feature")
    need = max(2, -(-len(stories) // 2))
    avoid_low = [a.casefold() for a in avoid if a]
    ranked = sorted((n for n in found if len(found[n]) >= need
                     and not any(n.casefold() in a for a in avoid_low)),
                    key=lambda n: (-len(found[n]), SPECIFIC.get(feature[n] or "", 6), n))
    return ranked[0] if ranked else None


def _name(actor: dict | None) -> str | None:
    return (actor or {}).get("name") or None


def _shared_names(stories: Sequence[Story], events: Sequence[dict],
                  mentions: Mapping[str, Sequence[dict]]) -> tuple[list[str], list[str]]:
    """Actor and place names ranked by how many stories mention them (then by mentions)."""
    story_of = {a: s.id for s in stories for a in s.article_ids}
    actor_stories: dict[str, set[str]] = {}
    place_stories: dict[str, set[str]] = {}
    actor_count: Counter[str] = Counter()
    place_count: Counter[str] = Counter()

    def add(article_id: str, actor: str | None, place: str | None) -> None:
        sid = story_of[article_id]
        if place:
            place_stories.setdefault(place, set()).add(sid)
            place_count[place] += 1
        if actor:
            actor_stories.setdefault(actor, set()).add(sid)
            actor_count[actor] += 1

    for article_id in story_of:
        if mentions.get(article_id):
            for m in mentions[article_id]:
                actor, place = m.get("actor") or {}, m.get("place") or {}
                # a country named as a doer ("Turkey agreed") is an actor, not the setting;
                # the setting is the specific place (a province, a city, a crossing)
                is_actor = actor.get("kind") not in (None, "place")
                specific = place.get("feature") not in (None, "country")
                add(article_id, _name(actor) if is_actor else None,
                    _name(place) if specific else None)
    for e in events:
        if e.get("article_id") in story_of and not mentions.get(e["article_id"]):
            add(e["article_id"], _name(e.get("source")), _name(e.get("location")))
            add(e["article_id"], _name(e.get("target")), None)

    def rank(found: dict[str, set[str]], count: Counter[str]) -> list[str]:
        return sorted(found, key=lambda n: (-len(found[n]), -count[n], n))

    return rank(actor_stories, actor_count), rank(place_stories, place_count)
