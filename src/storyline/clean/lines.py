"""Plain-text line rules: which lines of a page are site chrome rather than story.

Each rule names why it removes a line, so `removed_lines` can be audited. Rules are of two kinds:
chrome rules that only fire on short, non-sentence lines, and strict prompt patterns (cookie
notices, disclaimers) that may fire on a long sentence because their wording is unambiguous.
A story sentence is never removed by a loose rule.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.clean.datelines import is_byline, parse_date_line

# --- vocabularies, by language where the prompt is worded ------------------------------------

SOCIAL = (
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest", "reddit",
    "tumblr", "vk", "vkontakte", "ok", "odnoklassniki", "email", "e-mail", "mail", "print",
    "flipboard", "messenger", "viber", "line", "xing", "pocket", "instagram", "youtube",
    "tiktok", "copy link", "sms", "google+", "threads", "mastodon", "bluesky",
)

SHARE_PROMPTS = {
    "en": (r"share( this( article| story| post| page)?)?( on| via| to)?", r"tweet( this)?",
           r"pin it", r"email this( article)?", r"print( this)?( article| page)?",
           r"leave a (reply|comment)", r"(add|post|write) a comment", r"comments?",
           r"click to (share|print|email)( on)?", r"\d+ (comments?|shares?)", r"shares?",
           r"join the (conversation|discussion)", r"view comments"),
    "tr": (r"paylaş(ın)?", r"yorum (yap|yaz)", r"yorumlar?", r"\S+'?(ta|te|da|de) paylaş",
           r"yazdır", r"habere yorum (yap|yaz)"),
    "ru": (r"поделиться( в)?", r"комментари[ийя]", r"комментировать", r"(оставить|написать) "
           r"комментарий", r"распечатать", r"отправить"),
    "fr": (r"partager( sur| cet article)?", r"partagez( cet article)?", r"commenter",
           r"laisser un commentaire", r"réagir", r"imprimer", r"commentaires?"),
    "es": (r"compartir( en)?", r"comparte( esta noticia)?", r"comentar", r"comentarios?",
           r"deja (un|tu) comentario", r"imprimir"),
    "de": (r"teilen", r"(artikel )?teilen( auf)?", r"auf \w+ teilen", r"kommentieren",
           r"kommentare?", r"drucken", r"per e-?mail (senden|versenden|teilen)", r"twittern"),
    "pt": (r"compartilh(ar|e)", r"partilh(ar|e)", r"comentar", r"comentários?",
           r"deixe (um|seu) comentário"),
    "it": (r"condividi( su)?", r"commenta", r"lascia un commento", r"commenti"),
}

SEARCH_PROMPTS = (
    r"search( for| this site| the site| news)?", r"type (your search|to search)( and (hit|press) "
    r"enter)?", r"(to search )?type and (hit|press) enter", r"press enter to search",
    r"what are you looking for\??", r"(haber )?ara", r"arama( yap)?", r"поиск( по сайту)?",
    r"найти", r"rechercher?", r"buscar", r"búsqueda", r"suche(n)?", r"pesquis(ar|a)", r"cerca",
    r"search results?",
)

LOGIN_PROMPTS = (
    r"log ?in", r"log ?out", r"sign ?in", r"sign ?up", r"register", r"my account",
    r"create (an )?account", r"войти", r"вход", r"регистрация", r"зарегистрироваться",
    r"выйти", r"giriş( yap)?", r"üye ol", r"kayıt ol", r"üye girişi", r"anmelden",
    r"registrieren", r"abmelden", r"login", r"connexion", r"se connecter", r"s'inscrire",
    r"inscription", r"mon compte", r"iniciar sesión", r"registrarse", r"regístrate", r"entrar",
    r"cadastr(e-se|ar)", r"accedi", r"registrati", r"mein konto",
)

SUBSCRIBE_LOOSE = re.compile(
    r"\b(subscribe|subscription|newsletter|sign up for|follow us|join us on|abonnieren|"
    r"abonnez-vous|s'abonner|abonnement|suscríbete|suscribirse|suscripción|abone ol|"
    r"bizi takip edin|подпис(аться|ывайтесь|ка|итесь)|assine|iscriviti|folgen sie uns|"
    r"suivez-nous|s[ií]guenos|siga-nos)\b",
    re.IGNORECASE,
)
SUBSCRIBE_STRICT = re.compile(
    r"^\W*(subscribe|sign up) (now |today )?(to|for) (our|the|a) .{0,40}"
    r"(newsletter|updates|alerts|briefing)|"
    r"^\W*(get|receive) (our|the) .{0,30}newsletter|"
    r"^\W*join (us|our \w+) on (telegram|whatsapp|facebook|twitter)|"
    r"\b(our|unsere[nmrs]?|nuestr[ao]s?|notre|nos|nostra|nossa|nosso)\s+(\w+\s+){0,3}"
    r"newsletters?\b",
    re.IGNORECASE,
)
"""A newsletter called *ours* is the site speaking to its reader, never a story's sentence."""

COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|tüm hakları saklıdır|"
    r"все права защищены|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|"
    r"\b(powered|maintained|hosted|designed|developed|managed) (and \w+ )?by\b|"
    r"\b(site|theme|website) by\b|proudly powered",
    re.IGNORECASE,
)
COPYRIGHT_STRICT = re.compile(
    r"^\W*(©|\(c\)|copyright)\s*(©\s*)?\d{4}|all rights reserved\W*$|"
    r"tüm hakları saklıdır\W*$|все права защищены\W*$",
    re.IGNORECASE,
)

DISCLAIMER = re.compile(
    r"views (expressed|in this).{0,120}(do not|don't|does not) necessarily (reflect|represent)|"
    r"opinions expressed.{0,120}(are|is) (those|solely|the (author|writer))|"
    r"(do|does) not necessarily reflect the (views|opinions|position|editorial)|"
    r"yazarına aittir|yazının içeriğinden yazarı sorumludur|"
    r"мнение (редакции|автора) может не совпадать|точка зрения .{0,40}может не совпадать|"
    r"n'engage(nt)? que (son auteur|l'auteur|leurs auteurs)|"
    r"no (refleja|representa)n? necesariamente|"
    r"gibt nicht (unbedingt|notwendigerweise) die meinung|"
    r"não (reflete|representa)m? necessariamente|non riflett\w+ necessariamente",
    re.IGNORECASE,
)

COOKIE_LOOSE = re.compile(
    r"(\bcookies?\b.{0,80}\b(use|uses|using|accept|policy|settings|consent|browsing|experience|"
    r"agree|verwendet|nutzt|akzeptieren|utilise|accepter|utilizamos|usamos|aceptar|"
    r"kullan\w*|используем)\b)|"
    r"\b(accept|allow|reject) (all )?cookies\b|\bçerez|файлы cookie",
    re.IGNORECASE,
)
COOKIE_STRICT = re.compile(
    r"^\W*(we|this (web)?site|our (web)?site|this portal) (use|uses|is using) cookies|"
    r"^\W*by (continuing|using) (to (use|browse) )?(this|our) (site|website)|"
    r"^\W*(diese (web)?seite|wir) (verwendet|verwenden|nutzt|nutzen) cookies|"
    r"^\W*(ce site|nous) utilis\w* (des )?cookies|^\W*(utilizamos|usamos) cookies|"
    r"^\W*(sitemiz|web sitemiz)\w* çerez|^\W*мы используем (файлы )?cookie",
    re.IGNORECASE,
)

RELATED_HEADERS = {
    "en": (r"related( posts?| articles?| news| stories| content| coverage| reading)?",
           r"(you )?(may|might) also (like|be interested in)",
           r"more (news|stories) from .{1,30}", r"recommended( for you| stories| articles)?",
           r"more (on|about) (this|the topic)( story)?", r"most (read|popular|viewed|shared)",
           r"trending( now| stories)?", r"latest (news|posts)",
           r"editor'?s picks", r"popular (posts|stories|news)", r"recent (posts|news|articles)",
           r"other news", r"more stories", r"more news", r"top stories", r"also in .{1,30}",
           r"most commented", r"most discussed",
           r"don'?t miss", r"what to read next", r"further reading"),
    "tr": (r"ilgili haberler", r"benzer haberler", r"diğer haberler", r"bunlar da ilginizi "
           r"çekebilir", r"en çok okunan(lar)?", r"son haberler", r"ilginizi çekebilir",
           r"öne çıkanlar"),
    "ru": (r"читайте также", r"похожие (новости|статьи)", r"другие новости", r"по теме",
           r"популярное", r"самое читаемое", r"новости по теме", r"смотрите также"),
    "de": (r"das könnte sie auch interessieren", r"mehr zum thema",
           r"weitere (artikel|beiträge|nachrichten|meldungen)( zum thema)?",
           r"meist[- ]?(gelesen|kommentiert|diskutiert)e?( artikel)?", r"kommentierte artikel",
           r"ähnliche artikel", r"verwandte artikel",
           r"auch interessant", r"mehr aus .{1,30}"),
    "fr": (r"sur le même sujet", r"articles similaires", r"les plus lus", r"vous aimerez aussi",
           r"à voir aussi", r"articles liés", r"dans la même rubrique"),
    "es": (r"noticias relacionadas", r"te puede interesar", r"más noticias", r"lo más leído",
           r"artículos relacionados", r"también te puede interesar", r"más leídas"),
    "pt": (r"notícias relacionadas", r"mais lidas", r"veja também", r"você também pode gostar",
           r"matérias relacionadas"),
    "it": (r"articoli correlati", r"potrebbe interessarti", r"i più letti"),
}

TEASER_MARKERS = (
    r"read also", r"also read", r"see also", r"check also", r"read next", r"must read",
    r"don'?t miss", r"lesen sie auch", r"auch lesen", r"lire aussi", r"à lire aussi",
    r"lee también", r"lea también", r"leia também", r"leggi anche", r"читайте также",
    r"puedes ver", r"te puede interesar", r"mira también", r"ver también", r"lire également",
    r"à lire également", r"veja também", r"saiba mais", r"auch interessant",
    r"смотрите также", r"ayrıca bakınız", r"ayrıca okuyun", r"bakmadan geçme", r"ilgili haber",
)
"""Markers that introduce a teaser for another article: the marker, the headline after it and
that headline's first sentence are removed."""

CONTINUE_MARKERS = (
    r"read more", r"read the full (story|article)", r"continue reading", r"lesen sie mehr",
    r"weiterlesen", r"lire la suite", r"leer más", r"seguir leyendo", r"leia mais",
    r"continua a leggere", r"читать далее", r"подробнее", r"devamı", r"devamını oku",
    r"haberin devamı",
)
"""Links to read on elsewhere: removed alone, or with the teaser headline they are glued to."""

SECTION_WORDS = frozenset(
    "home news world politics business economy sport sports culture opinion health technology "
    "tech science entertainment lifestyle travel video videos photos photo gallery weather "
    "contact about us local national international region regions life style arts books music "
    "film markets money education environment climate society media blogs podcasts podcast "
    "latest live more menu archive archives careers advertise subscribe magazine "
    "gündem ekonomi dünya spor siyaset yaşam kültür sanat sağlık teknoloji magazin yazarlar "
    "новости политика экономика общество спорт культура мир происшествия "
    "nachrichten politik wirtschaft kultur startseite "
    "accueil actualités politique économie monde culture "
    "inicio noticias política economía deportes cultura internacional "
    "início notícias esportes política economia mundo".split()
)

HOME_WORDS = (r"home", r"home page", r"homepage", r"startseite", r"accueil", r"inicio",
              r"início", r"anasayfa", r"ana sayfa", r"главная", r"home sweet home", r"haberler")

NAVIGATION = re.compile(
    r"^\W*((previous|next|older|newer) (article|post|story|page)|"
    r"(önceki|sonraki) (haber|yazı|sayfa)|(предыдущая|следующая) (статья|новость)|"
    r"article (précédent|suivant)|artículo (anterior|siguiente)|"
    r"(vorheriger|nächster) (artikel|beitrag)|back to top|scroll to top|go to top|"
    r"skip to (main )?(content|navigation)|toggle navigation|main menu|menu|close|open menu|"
    r"zum inhalt springen|aller au contenu|ir al contenido)\W*$",
    re.IGNORECASE,
)

ADVERT = re.compile(
    r"^\W*(advertisement|advertising|sponsored( content)?|ad|anzeige|werbung|reklam|реклама|"
    r"publicité|publicidad|publicidade|pubblicità|paid content)\W*$",
    re.IGNORECASE,
)

TAGS = re.compile(
    r"^\W*(tags?|etiketler|теги|метки|schlagwörter|schlagworte|mots-clés|etiquetas|"
    r"filed under|categories|category|kategori|категории|topics|themen|sujets)\s*:",
    re.IGNORECASE,
)

CAPTION = re.compile(
    r"^\W*(photo|photos|foto|fotos|fotoğraf|фото|image|images|picture|pic|photograph|"
    r"photo credit|bild|bildquelle|imagen|source|kaynak|getty images|illustration)\s*[:/|]",
    re.IGNORECASE,
)
CAPTION_TAIL = re.compile(
    r"[(\[|/–—-]\s*(photo|foto|fotoğraf|фото|image|picture|credit|bild)\s*:\s*[^)\]]{1,60}[)\]]?"
    r"\W*$|\((photo|foto)\s*:?[^)]{0,60}\)\W*$",
    re.IGNORECASE,
)

EDITORIAL_NOTE = re.compile(
    r"^\W*(editor'?s note|editor’s note|note to (our )?readers|correction|clarification|"
    r"anmerkung der redaktion|note de la rédaction|nota del editor|editörün notu|"
    r"примечание редакции)\s*[:—–-]",
    re.IGNORECASE,
)
ARCHIVE_CAPTION = re.compile(
    r"^\W*((photo|foto|image|picture)\s*[:/|]\s*(archive|archives|file|stock)\b|"
    r"(file|archive|stock) (photo|picture|image)\b|архивное фото|фото\s*:\s*архив|arşiv)",
    re.IGNORECASE,
)

CHROME_DATE = re.compile(r"^\W*(today is|bugün|сегодня|heute ist|aujourd'hui)\b.{0,40}\d{4}\W*$",
                         re.IGNORECASE)

TIMESTAMP_TAIL = re.compile(
    r"(\b\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?|\b\d+ (minutes?|mins?|hours?|days?|weeks?|months?) ago|"
    r"\b\d+ (dakika|saat|gün|hafta|ay) önce|\b\d+ (минут|час|дн|недел)\w* назад|"
    r"\bvor \d+ (minuten|stunden|tagen|wochen)|\bil y a \d+ \w+|\bhace \d+ \w+|"
    r"\bhá \d+ \w+|\b(yesterday|today|dün|bugün|вчера|сегодня|gestern|heute|hier|ayer|hoy))"
    r"\W*$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
DATELINE_START = re.compile(
    r"^\W*(posted|published|updated|last updated|by|yayın|güncelleme|опубликовано|обновлено|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|atualizado|"
    r"pubblicato|aggiornato)\b",
    re.IGNORECASE,
)

STOPWORDS = frozenset(
    "the a an and or of to in on at for with by from as is are was were be been it its this that "
    "these those he she they we you i his her their our your not no but if so than then there "
    "which who whom what when where why how all any some more most other such into over after "
    "before about also has have had will would can could may might said says".split()
)

_TERMINAL = tuple(".!?…:;\"'”»)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _alt(patterns: Iterable[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _token(patterns: Iterable[str]) -> str:
    """Alternatives that only match whole words (so `ok` never matches inside `look`)."""
    return r"(?<!\w)" + _alt(patterns) + r"(?!\w)"


_ALL_SHARE = [p for group in SHARE_PROMPTS.values() for p in group]
_SOCIAL = _alt(re.escape(s) for s in sorted(SOCIAL, key=len, reverse=True))
_SHARE_TOKEN = re.compile(_token([*_ALL_SHARE, _SOCIAL]), re.IGNORECASE)
_SHARE_PROMPT = re.compile(r"\b" + _alt(_ALL_SHARE) + r"\b", re.IGNORECASE)
_SEARCH = re.compile(r"^\W*" + _alt(SEARCH_PROMPTS) + r"\s*(\.\.\.|…|:|\?)?\W*$", re.IGNORECASE)
_LOGIN_TOKEN = re.compile(_token(LOGIN_PROMPTS), re.IGNORECASE)
_RELATED = re.compile(
    r"^\W*" + _alt(p for g in RELATED_HEADERS.values() for p in g) + r"\s*(\(\d+\))?\W*$",
    re.IGNORECASE,
)
_TEASER_ALONE = re.compile(r"^\W*" + _alt(TEASER_MARKERS) + r"\s*(:|»|>|\.\.\.|…)?\W*$",
                           re.IGNORECASE)
_TEASER_INLINE = re.compile(
    r"^\W*" + _alt([*TEASER_MARKERS, *CONTINUE_MARKERS, "related"]) + r"\s*(:|»|>>?|–|—|\|)\s*\S",
    re.IGNORECASE,
)
_CONTINUE_ALONE = re.compile(r"^\W*" + _alt(CONTINUE_MARKERS) + r"\s*(:|»|>>?|\.\.\.|…)?\W*$",
                             re.IGNORECASE)
_HOME = re.compile(r"^\W*" + _alt(HOME_WORDS) + r"\s*[»›>/→|]", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:»|›|>|→)\s*|\s+[/\\]\s+")
_PIPES = re.compile(r"\s*[|•·]\s*")
_SPACE = re.compile(r"\s+")


# --- line features ---------------------------------------------------------------------------

def normalize_line(line: str) -> str:
    """Whitespace-collapsed, NFC form: the key under which lines are compared."""
    return " ".join(unicodedata.normalize("NFC", line).split())


def split_words(text: str) -> list[str]:
    """The words of a text, as `_WORD.findall` finds them. A word never spans whitespace and a
    piece made of letters only is one word, so the regex runs only on the pieces with digits or
    punctuation in them (a fifth of them): a third cheaper than one pass over the text."""
    words: list[str] = []
    for piece in text.split():
        if piece.isalpha():
            words.append(piece)
        else:
            words.extend(_WORD.findall(piece))
    return words


@functools.lru_cache(maxsize=8192)
def _words(line: str) -> tuple[str, ...]:
    return tuple(split_words(line))


def words_of(line: str) -> list[str]:
    """The words of a line (cached: the rules ask about the same line several times)."""
    return list(_words(line))


def content_words(text: str) -> set[str]:
    """Lower-cased words long enough to carry meaning; used for caption/teaser overlap."""
    return {w.lower() for w in words_of(text) if len(w) >= 4 and w.lower() not in STOPWORDS}


def is_story_like(line: str) -> bool:
    """A long sentence with lower-case running words: what a story is made of. Loose rules never
    fire on such a line, so no story sentence is cut by accident."""
    words = _words(line)
    if len(words) < 8:
        return False
    if not (line.rstrip().endswith(_TERMINAL) or len(words) >= 15):
        return False
    lower = 0
    for word in words:
        if word[0].islower():
            lower += 1
            if lower == 3:
                break
    else:
        return False
    meaningful: set[str] = set()
    for word in words:  # content_words, stopping as soon as four are found
        if len(word) >= 4 and (lower_word := word.lower()) not in STOPWORDS:
            meaningful.add(lower_word)
            if len(meaningful) >= 4:
                return True
    return False


def _only(token: re.Pattern[str], line: str, minimum: int = 1) -> bool:
    """True when the line is made of nothing but `token` matches, separators and counts."""
    rest, count = token.subn(" ", line)
    return count >= minimum and not _WORD.search(rest)


def _is_breadcrumb(line: str) -> bool:
    if line.endswith((".", "!", "?")) or len(words_of(line)) > 14:
        return False
    if _HOME.match(line):
        return True
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    if len(parts) < 3:
        return False
    return all(_WORD.search(p) and len(p.split()) <= 4 for p in parts)


def _is_menu(line: str) -> bool:
    parts = [p for p in _PIPES.split(line) if p.strip()]
    if len(parts) >= 3 and all(_WORD.search(p) and len(p.split()) <= 3 for p in parts):
        return True
    words = [w.lower() for w in words_of(line)]
    if len(words) >= 4 and not line.rstrip().endswith((".", "!", "?")):
        known = sum(1 for w in words if w in SECTION_WORDS)
        return known / len(words) >= 0.6
    return False


def _loose_rule(line: str) -> str | None:
    """Rules for short, non-sentence lines; the order puts the most specific names first."""
    if _SEARCH.match(line):
        return "search"
    if _only(_LOGIN_TOKEN, line):
        return "login"
    if _only(_SHARE_TOKEN, line) and (_SHARE_PROMPT.search(line) or _only(_SHARE_TOKEN, line, 2)):
        return "share"
    if NAVIGATION.match(line):
        return "navigation"
    if ADVERT.match(line):
        return "advertisement"
    if _CONTINUE_ALONE.match(line):
        return "teaser"
    if COOKIE_LOOSE.search(line):
        return "cookie"
    if COPYRIGHT.search(line):
        return "copyright"
    if SUBSCRIBE_LOOSE.search(line) and len(words_of(line)) <= 16:
        return "subscribe"
    if _is_breadcrumb(line):
        return "breadcrumb"
    if _is_menu(line):
        return "navigation"
    if TAGS.match(line):
        return "tags"
    if CHROME_DATE.match(line):
        return "chrome_date"
    if parse_date_line(line):
        return "dateline"
    if is_byline(line):
        return "byline"
    return None


# Words one of which every strict pattern needs: a substring test on the lower-cased line is
# far cheaper than the patterns, and most lines of a story contain none of them.
_STRICT_CUES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("cookie", COOKIE_STRICT, ("cookie", "çerez", "by continuing", "by using")),
    ("disclaimer", DISCLAIMER, ("necessar", "opinions expressed", "yazar", "совпадать",
                                "engage", "unbedingt", "notwendig")),
    ("editorial_note", EDITORIAL_NOTE, ("note", "correction", "clarification", "anmerkung",
                                        "rédaction", "editor", "примечание")),
    ("subscribe", SUBSCRIBE_STRICT, ("subscribe", "sign up", "newsletter", "join ")),
    ("copyright", COPYRIGHT_STRICT, ("©", "(c)", "copyright", "rights reserved", "hakları",
                                     "права защищены")),
)
_WORD_LIMITS = {"editorial_note": 50, "subscribe": 40, "copyright": 25}


StrictRules = tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]


def strict_candidates(lines: list[str]) -> dict[int, StrictRules]:
    """Line index -> the strict rules one of whose cues that line holds. Each cue is looked for
    once in the whole page rather than in every line: most pages hold none, and then no line
    needs a strict pattern at all."""
    lowered = [line.lower() for line in lines]
    page = "\n".join(lowered)  # no cue holds a line break, so a find never spans two lines
    starts = list(itertools.accumulate((len(low) + 1 for low in lowered[:-1]), initial=0))
    cues_of: dict[int, set[str]] = {}
    for _, _, cues in _STRICT_CUES:
        for cue in cues:
            found = page.find(cue)
            while found >= 0:
                index = bisect.bisect_right(starts, found) - 1
                cues_of.setdefault(index, set()).add(cue)
                if index + 1 >= len(starts):
                    break
                found = page.find(cue, starts[index + 1])
    return {
        index: tuple(entry for entry in _STRICT_CUES if not cues.isdisjoint(entry[2]))
        for index, cues in cues_of.items()
    }


def _strict_rule(line: str, rules: StrictRules = _STRICT_CUES) -> str | None:
    """Prompts worded so unambiguously that they are removed even when they read as a sentence.
    `rules` narrows the rules looked for to those whose cues the line holds."""
    lower = line.lower()
    for rule, pattern, cues in rules:
        if not any(cue in lower for cue in cues):
            continue
        found = pattern.match(line) if rule == "editorial_note" else pattern.search(line)
        if found and len(words_of(line)) <= _WORD_LIMITS.get(rule, 10**6):
            return rule
    return None


_DAY_WORDS = ("yesterday", "today", "dün", "bugün", "вчера", "сегодня", "gestern", "heute", "hier",
              "ayer", "hoy")
_DAY_WORD_END_REVERSED = re.compile(r"\W*" + _alt(w[::-1] for w in _DAY_WORDS), re.IGNORECASE)
"""The stamps of TIMESTAMP_TAIL without a digit, matched at the start of the reversed line: one
attempt instead of one per position (a pre-test, so the word boundary is left out)."""


def _is_listed_headline(line: str) -> bool:
    """A teaser-list entry: a headline followed by a time stamp, and no dateline of its own."""
    tail_start = max(0, len(line) - 48)  # the stamp ends the line: search only its tail
    if not _DIGIT.search(line, tail_start) and not _DAY_WORD_END_REVERSED.match(line[::-1]):
        return False  # every stamp but a day word has a digit: a cheap test rules most lines out
    stamp = TIMESTAMP_TAIL.search(line, tail_start)
    if not stamp or DATELINE_START.match(line):
        return False
    head = line[: stamp.start()].strip(" -–—|·•,")
    return 3 <= len(words_of(head)) <= 25 and not re.search(r"\d{4}", head)


# --- the classifier --------------------------------------------------------------------------

def classify_lines(
    lines: list[str],
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
) -> list[str | None]:
    """Per line: None to keep it, else the name of the rule that removes it.
    `known_boilerplate` (an outlet profile) is asked before the headline is looked for, so an
    outlet's tagline is never taken for the title."""
    norm = [normalize_line(line) for line in lines]
    verdict: list[str | None] = [None] * len(norm)
    story = [is_story_like(n) for n in norm]
    strict = strict_candidates(norm)
    for i, line in enumerate(norm):
        if not line:
            continue
        rule = _strict_rule(line, strict[i]) if i in strict else None
        if rule is None and not story[i]:
            rule = _loose_rule(line)
        if rule is None and known_boilerplate is not None and known_boilerplate(lines[i]):
            rule = "profile"
        verdict[i] = rule
    _mark_title_repeats(norm, verdict, title)
    _mark_related_lists(norm, story, verdict)
    _mark_teasers(norm, story, verdict)
    _mark_captions(norm, story, verdict)
    return verdict


def _next_filled(norm: list[str], start: int) -> int | None:
    for j in range(start, len(norm)):
        if norm[j]:
            return j
    return None


def is_headline(line: str) -> bool:
    """A short line that reads as a headline rather than a sentence or a label."""
    n = len(words_of(line))
    return 2 <= n <= 25 and not is_story_like(line) and not line.endswith((".", ":"))


def _is_long_headline(norm: list[str], verdict: list[str | None], i: int) -> bool:
    """A long headline reads like a sentence without its full stop; it is told from the first
    line of a hard-wrapped paragraph by what follows: page chrome (a date or byline line) or a
    blank line, never the paragraph's next words."""
    line = norm[i]
    if not 2 <= len(words_of(line)) <= 30 or line.endswith(_TERMINAL) or line.endswith(","):
        return False
    if i + 1 >= len(norm) or not norm[i + 1]:
        return True
    return verdict[i + 1] is not None


def _mark_title_repeats(norm: list[str], verdict: list[str | None], title: str | None) -> None:
    """The headline goes to the article's title, not its text: the first occurrence is marked
    `title`, repeats `title_repeat`. Without a known title, the first line left that reads as a
    headline is the title."""
    key = normalize_line(title).casefold() if title else None
    if key is None:
        first = next((i for i, n in enumerate(norm) if n and verdict[i] is None), None)
        if first is None:
            return
        if not (is_headline(norm[first]) or _is_long_headline(norm, verdict, first)):
            return
        key = norm[first].casefold()
    seen = False
    for i, line in enumerate(norm):
        if line and line.casefold() == key and verdict[i] is None:
            verdict[i] = "title_repeat" if seen else "title"
            seen = True


def _mark_related_lists(norm: list[str], story: list[bool], verdict: list[str | None]) -> None:
    """A related-articles header takes the headline list under it; time-stamped headline runs
    go even without a header."""
    i = 0
    while i < len(norm):
        line = norm[i]
        if line and not story[i] and _RELATED.match(line) and not _TEASER_ALONE.match(line):
            verdict[i] = verdict[i] or "related"
            j = i + 1
            taken = 0
            while j < len(norm) and taken < 15:
                if norm[j]:
                    if story[j] and not _is_listed_headline(norm[j]):
                        break
                    verdict[j] = verdict[j] or "related"
                    taken += 1
                j += 1
            i = j
            continue
        i += 1
    # Without a header, only a run of three or more: two timed lines may be a story's schedule.
    filled = [i for i, n in enumerate(norm) if n]
    run: list[int] = []
    for i in [*filled, -1]:
        if i >= 0 and _is_listed_headline(norm[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                verdict[j] = verdict[j] or "related"
        run = []


def _mark_teasers(norm: list[str], story: list[bool], verdict: list[str | None]) -> None:
    """`Check Also` / `Read more:` teasers: the marker, the teased headline and its first sentence
    (when that sentence is about something else than this article)."""
    body = [i for i, n in enumerate(norm) if n]
    for i in body:
        line = norm[i]
        if _TEASER_INLINE.match(line) and len(words_of(line)) <= 40:
            if not DISCLAIMER.search(line):
                verdict[i] = verdict[i] or "teaser"
            continue
        if not _TEASER_ALONE.match(line) or story[i]:
            continue
        verdict[i] = verdict[i] or "teaser"
        head = _next_filled(norm, i + 1)
        if head is None or story[head] or len(words_of(norm[head])) > 25:
            continue
        verdict[head] = verdict[head] or "teaser"
        lead = _next_filled(norm, head + 1)
        if lead is None or verdict[lead]:
            continue
        teased = content_words(norm[lead])
        rest = content_words(" ".join(n for k, n in enumerate(norm) if k not in (i, head, lead)))
        overlap = len(teased & rest) / max(1, len(teased))
        # A teaser in the page's trailer (only chrome or nothing follows) is the teased story's
        # lead whatever its words: the article does not resume after a "Check Also" block.
        after = _next_filled(norm, lead + 1)
        in_trailer = after is not None and verdict[after] is not None
        if norm[lead].endswith(("…", "...", "[…]", "[...]")) or overlap < 0.35 or in_trailer:
            verdict[lead] = "teaser"


def _mark_captions(norm: list[str], story: list[bool], verdict: list[str | None]) -> None:
    """Captions: a line signed with a photo credit at its end is a caption whatever it says; a
    `Photo: ...` line goes when its words barely occur in the article (it is not about it)."""
    for i, line in enumerate(norm):
        if not line or verdict[i] or len(words_of(line)) > 40:
            continue
        if CAPTION_TAIL.search(line, max(0, len(line) - 100)) and not CAPTION.match(line):
            verdict[i] = "caption"
            continue
        if ARCHIVE_CAPTION.match(line):
            verdict[i] = "caption"  # an archive picture is by definition not of this event
            continue
        if not CAPTION.match(line):
            continue
        own = content_words(CAPTION.sub("", line))
        rest = content_words(" ".join(n for k, n in enumerate(norm) if k != i and not verdict[k]))
        if not own or len(own & rest) / len(own) < 0.3:
            verdict[i] = "caption"


@dataclass
class PlainClean:
    """What the line rules make of a plain text: the story, what was cut, and the headline and
    date the cut lines carried."""

    text: str
    removed: list[str]
    title: str | None
    published: str | None


def apply_line_rules(
    text: str,
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
) -> PlainClean:
    """Classify every line, cut the flagged ones (kept in `removed`), and keep the headline and
    the date that cut title and date lines carried."""
    lines = text.splitlines()
    verdict = classify_lines(lines, title, known_boilerplate)
    kept: list[str] = []
    removed: list[str] = []
    found_title = title
    published = None
    for line, rule in zip(lines, verdict, strict=True):
        if rule == "title" and found_title is None:
            found_title = normalize_line(line)
        if rule == "dateline" and published is None:
            published = parse_date_line(normalize_line(line))
        if rule:
            removed.append(normalize_line(line))
        else:
            kept.append(line)
    return PlainClean(join_paragraphs(kept), removed, found_title, published)


def clean_lines(text: str, title: str | None = None) -> tuple[str, list[str]]:
    """Apply the line rules to a text: (clean text, removed lines in order)."""
    result = apply_line_rules(text, title)
    return result.text, result.removed


def join_paragraphs(lines: Iterable[str]) -> str:
    """Join kept lines, collapsing the blank runs that removals leave behind; NFC so that text
    and `removed_lines` compare equal whatever composition the source used."""
    out: list[str] = []
    for line in (unicodedata.normalize("NFC", raw) for raw in lines):
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.strip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
