"""The words and patterns the line rules look for, by language where a prompt is worded.

Kept apart from the rules (`lines.py`) so that adding a language or a phrase is an edit here,
and the rules read as logic. Compiled once at import; the patterns the rules try on most lines
are `Gated`: run only on the lines that hold one of the literals each of their matches needs
(found for all of them in one scan of the line, `triggers.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.clean.triggers import Gated

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

SUBSCRIBE_LOOSE = Gated(re.compile(
    r"\b(subscribe|subscription|newsletter|sign up for|follow us|join us on|abonnieren|"
    r"abonnez-vous|s'abonner|abonnement|suscríbete|suscribirse|suscripción|abone ol|"
    r"bizi takip edin|подпис(аться|ывайтесь|ка|итесь)|assine|iscriviti|folgen sie uns|"
    r"suivez-nous|s[ií]guenos|siga-nos)\b",
    re.IGNORECASE,
))
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

COPYRIGHT = Gated(re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|tüm hakları saklıdır|"
    r"все права защищены|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|"
    r"\b(powered|maintained|hosted|designed|developed|managed) (and \w+ )?by\b|"
    r"\b(site|theme|website) by\b|proudly powered",
    re.IGNORECASE,
))
COPYRIGHT_STRICT = re.compile(
    r"^\W*(©|\(c\)|copyright)\s*(©\s*)?\d{4}|all rights reserved\W*$|"
    r"tüm hakları saklıdır\W*$|все права защищены\W*$",
    re.IGNORECASE,
)

DISCLAIMER = Gated(re.compile(
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
))

COOKIE_LOOSE = Gated(re.compile(
    r"(\bcookies?\b.{0,80}\b(use|uses|using|accept|policy|settings|consent|browsing|experience|"
    r"agree|verwendet|nutzt|akzeptieren|utilise|accepter|utilizamos|usamos|aceptar|"
    r"kullan\w*|используем)\b)|"
    r"\b(accept|allow|reject) (all )?cookies\b|\bçerez|файлы cookie",
    re.IGNORECASE,
))
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

LIST_HEADER = re.compile(
    r"^\W*(more|latest|most|top|other|related|recommended|popular|trending|also|further|"
    r"weitere|mehr|meist\w*|neueste|aktuelle|top|ähnliche|plus|derni\w+|autres|à lire|"
    r"à la une|más|últimas|otras|lo más|relacionad\w+|destacad\w+|diğer|son|en çok|ilgili|"
    r"benzer|öne çıkan\w*|ещё|еще|другие|последние|популярн\w+|самое|читайте|altre|ultime|"
    r"mais|outras|últimas)\b",
    re.IGNORECASE,
)
"""Words a list of links to other articles is headed with ("More from Business", "Latest on
the cyclone", "Weitere Artikel aus …"); a header only when headlines follow it."""

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

NAVIGATION = Gated(re.compile(
    r"^\W*((previous|next|older|newer) (article|post|story|page)|"
    r"(önceki|sonraki) (haber|yazı|sayfa)|(предыдущая|следующая) (статья|новость)|"
    r"article (précédent|suivant)|artículo (anterior|siguiente)|"
    r"(vorheriger|nächster) (artikel|beitrag)|back to top|scroll to top|go to top|"
    r"skip to (main )?(content|navigation)|toggle navigation|main menu|menu|close|open menu|"
    r"zum inhalt springen|aller au contenu|ir al contenido)\W*$",
    re.IGNORECASE,
))

ADVERT = re.compile(
    r"^\W*(advertisement|advertising|sponsored( content)?|ad|anzeige|werbung|reklam|реклама|"
    r"publicité|publicidad|publicidade|pubblicità|paid content)\W*$",
    re.IGNORECASE,
)

TAGS = Gated(re.compile(
    r"^\W*(tags?|etiketler|теги|метки|schlagwörter|schlagworte|mots-clés|etiquetas|"
    r"filed under|categories|category|kategori|категории|topics|themen|sujets)\s*:",
    re.IGNORECASE,
))

CAPTION = Gated(re.compile(
    r"^\W*(photo|photos|foto|fotos|fotoğraf|фото|image|images|picture|pic|photograph|"
    r"photo credit|bild|bildquelle|imagen|source|kaynak|getty images|illustration)\s*[:/|]",
    re.IGNORECASE,
))
CAPTION_TAIL = re.compile(
    r"[(\[|/–—-]\s*(photo|foto|fotoğraf|фото|image|picture|credit|bild)\s*:\s*[^)\]]{1,60}[)\]]?"
    r"\W*$|\((photo|foto)\s*:?[^)]{0,60}\)\W*$",
    re.IGNORECASE,
)
CAPTION_TAIL_NEEDS = (":", "(")
"""One of these is in every match of CAPTION_TAIL (its first branch needs the colon, its second
the bracket), so a line's tail without either is not searched."""

EDITORIAL_NOTE = re.compile(
    r"^\W*(editor'?s note|editor’s note|note to (our )?readers|correction|clarification|"
    r"anmerkung der redaktion|note de la rédaction|nota del editor|editörün notu|"
    r"примечание редакции)\s*[:—–-]",
    re.IGNORECASE,
)
ARCHIVE_CAPTION = Gated(re.compile(
    r"^\W*((photo|foto|image|picture)\s*[:/|]\s*(archive|archives|file|stock)\b|"
    r"(file|archive|stock) (photo|picture|image)\b|архивное фото|фото\s*:\s*архив|arşiv)",
    re.IGNORECASE,
))

CHROME_DATE = Gated(re.compile(
    r"^\W*(today is|bugün|сегодня|heute ist|aujourd'hui)\b.{0,40}\d{4}\W*$", re.IGNORECASE))

MONTHS = (  # month names and abbreviations in the languages the rules know

    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januar februar märz mai juni juli oktober dezember "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
).split()

_MONTH_NAME = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_STAMP_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\.?[ -]" + _MONTH_NAME + r"(?:[\s,-]+\d{4})?|"
    + _MONTH_NAME + r" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)"
)
_STAMP_TIME = r"(?:\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: ?[A-Z]{2,4})?)"
_STAMP_AGO = (
    r"(?:\d+ (?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago|"
    r"\d+ (?:dakika|saat|gün|hafta|ay) önce|\d+ (?:минут|час|дн|недел)\w* назад|"
    r"vor \d+ (?:minuten|stunden|tagen|wochen)|il y a \d+ \w+|hace \d+ \w+|há \d+ \w+|"
    r"yesterday|today|dün|bugün|вчера|сегодня|gestern|heute|hier|ayer|hoy)"
)
TIMESTAMP_TAIL = re.compile(
    r"(?:\s*[-–—|·•,]\s*|\s+|(?<=[^\W\d_]))(?:" + _STAMP_DATE + r"(?:[ ,T|]+" + _STAMP_TIME
    + r")?|" + _STAMP_TIME + r"|" + _STAMP_AGO + r")\W*$",
    re.IGNORECASE,
)
"""The date or time a listed headline carries at its end: after a space or a separator, or
glued to its last word as scrapers leave it (`Talks resume in Geneva12.03.2020 14:32`)."""
DIGIT = re.compile(r"\d")
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

TERMINAL = tuple(".!?…:;\"'”»)")
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _alt(patterns: Iterable[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _token(patterns: Iterable[str]) -> str:
    """Alternatives that only match whole words (so `ok` never matches inside `look`)."""
    return r"(?<!\w)" + _alt(patterns) + r"(?!\w)"


ALL_SHARE = [p for group in SHARE_PROMPTS.values() for p in group]
SOCIAL_PATTERN = _alt(re.escape(s) for s in sorted(SOCIAL, key=len, reverse=True))
SHARE_TOKEN = re.compile(_token([*ALL_SHARE, SOCIAL_PATTERN]), re.IGNORECASE)
SHARE_PROMPT = Gated(re.compile(r"\b" + _alt(ALL_SHARE) + r"\b", re.IGNORECASE))
SEARCH = re.compile(r"^\W*" + _alt(SEARCH_PROMPTS) + r"\s*(\.\.\.|…|:|\?)?\W*$", re.IGNORECASE)
LOGIN_TOKEN = Gated(re.compile(_token(LOGIN_PROMPTS), re.IGNORECASE))
RELATED = Gated(re.compile(
    r"^\W*" + _alt(p for g in RELATED_HEADERS.values() for p in g) + r"\s*(\(\d+\))?\W*$",
    re.IGNORECASE,
))
TEASER_ALONE = Gated(re.compile(r"^\W*" + _alt(TEASER_MARKERS) + r"\s*(:|»|>|\.\.\.|…)?\W*$",
                          re.IGNORECASE))
TEASER_INLINE = Gated(re.compile(
    r"^\W*" + _alt([*TEASER_MARKERS, *CONTINUE_MARKERS, "related"]) + r"\s*(:|»|>>?|–|—|\|)\s*\S",
    re.IGNORECASE,
))
CONTINUE_ALONE = Gated(re.compile(r"^\W*" + _alt(CONTINUE_MARKERS) + r"\s*(:|»|>>?|\.\.\.|…)?\W*$",
                            re.IGNORECASE))
HOME = Gated(re.compile(r"^\W*" + _alt(HOME_WORDS) + r"\s*[»›>/→|]", re.IGNORECASE))
SEPARATORS = re.compile(r"\s*(?:»|›|>|→)\s*|\s+[/\\]\s+")
PIPES = re.compile(r"\s*[|•·]\s*")
SPACE = re.compile(r"\s+")


StrictRules = tuple[tuple[str, re.Pattern[str] | Gated, tuple[str, ...]], ...]

# Words one of which every strict pattern needs: a substring test on the lower-cased line is
# far cheaper than the patterns, and most lines of a story contain none of them.
STRICT_CUES: StrictRules = (
    ("cookie", COOKIE_STRICT, ("cookie", "çerez", "by continuing", "by using")),
    ("disclaimer", DISCLAIMER, ("necessar", "opinions expressed", "yazar", "совпадать",
                                "engage", "unbedingt", "notwendig")),
    ("editorial_note", EDITORIAL_NOTE, ("note", "correction", "clarification", "anmerkung",
                                        "rédaction", "editor", "примечание")),
    ("subscribe", SUBSCRIBE_STRICT, ("subscribe", "sign up", "newsletter", "join ")),
    ("copyright", COPYRIGHT_STRICT, ("©", "(c)", "copyright", "rights reserved", "hakları",
                                     "права защищены")),
)
WORD_LIMITS = {"editorial_note": 50, "subscribe": 40, "copyright": 25}


DAY_WORDS = ("yesterday", "today", "dün", "bugün", "вчера", "сегодня", "gestern", "heute", "hier",
             "ayer", "hoy")
DAY_WORD_END_REVERSED = re.compile(r"\W*" + _alt(w[::-1] for w in DAY_WORDS), re.IGNORECASE)
"""The stamps of TIMESTAMP_TAIL without a digit, matched at the start of the reversed line: one
attempt instead of one per position (a pre-test, so the word boundary is left out)."""
_MONTHS_REVERSED = _alt(sorted({m[::-1] for m in MONTHS}))
STAMP_END_REVERSED = re.compile(
    r"\W*(?:\d+[./:-]\d"  # a numeric date, an ISO date, a clock time
    r"|\d{4}[\s,-]+\.?" + _MONTHS_REVERSED  # 12 March 2020
    + r"|\d{4} ,?(?:ts|dn|dr|ht)?\d"  # March 12, 2020
    r"|(?:ts|dn|dr|ht)?\d{1,2} \.?" + _MONTHS_REVERSED  # March 12, March 12th
    + r"|m\.?[ap] ?\d|[A-Z]{2,4} ?(?:\d|\.?m\.?[ap] ?\d)"  # 2.30 p.m., 14:32 GMT
    r"|(?:oga|ecnö|дазан) \w+ \d|(?:netunim|nednuts|negat|nehcow) \d+ rov"  # 3 hours ago
    r"|\w+ \d+ (?:a y li|ecah|áh)|"  # il y a 3 jours, hace 2 horas
    + _alt(sorted({m[::-1] for m in MONTHS} | {w[::-1] for w in DAY_WORDS})) + ")",
    re.IGNORECASE,
)
"""How every stamp of TIMESTAMP_TAIL ends, read from the end of the line (matched at the start
of the reversed line, one attempt): a numeric date or clock time, a year or day number after a
month name, a month name, the `a.m.` or time zone after a time, a length of time ago (`3 hours
ago`, `il y a 3 jours`) or a day word. A line that ends otherwise (a sentence ending in a number
or a word) holds no stamp, so the search over its tail is skipped."""
