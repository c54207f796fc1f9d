"""Classes of page chrome that shape alone does not settle, each told by its shape and a small
lexicon of the concept it expresses in many languages, never by a phrase of one page.

- reader prompts: a line that asks the reader to comment, share, subscribe, log in, allow
  notifications or get the app (an interaction concept addressed to the reader);
- rights lines: rights reserved, reproduction forbidden, "developed / powered / hosted by";
- outlet notices: disclaimers about comments and views, desk bylines, site notices with a web
  address, app blurbs;
- keyword headers: a topics/keywords/tags label and its list;
- captions: position markers ("(L) to (R)", "(v.l.n.r.)"), archive, handout and symbol
  pictures, agency credits;
- teaser labels: "Also on <outlet>:", "Mehr dazu:", "İlginizi çekebilir:" and their headline;
- author bios: "<Name> is a reporter covering …";
- advertising markers: "Advertisement · Story continues below", "Sponsored content".
Each function answers for one line; `mark_classes` applies them to the blocks no earlier
rule named.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from storyline.clean.lines import content_words, is_story_like, word_count
from storyline.clean.triggers import may_match, required_literals, word_alternation


class _Folded:
    """A case-insensitive pattern run on the lower-cased line without the flag: Python's `re`
    is several times faster that way on long alternations of words. Used only for patterns
    written in lower case with no case-sensitive part. A line that holds none of the literals
    every match needs is not searched at all."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern.pattern
        self._compiled = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        self._literals = required_literals(self._compiled)

    def search(self, line: str) -> re.Match[str] | None:
        low = _lower(line)
        return self._compiled.search(low) if may_match(low, self._literals) else None

    def match(self, line: str) -> re.Match[str] | None:
        low = _lower(line)
        return self._compiled.match(low) if may_match(low, self._literals) else None


class _Gated:
    """A pattern run as it is, on the lines that hold one of the literals its matches need
    (looked for in the lower-cased line when the pattern ignores case)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern.pattern
        self._compiled = pattern
        self._literals = required_literals(pattern)
        self._caseless = bool(pattern.flags & re.IGNORECASE)

    def _may_match(self, line: str) -> bool:
        return may_match(_lower(line) if self._caseless else line, self._literals)

    def search(self, line: str) -> re.Match[str] | None:
        return self._compiled.search(line) if self._may_match(line) else None

    def match(self, line: str) -> re.Match[str] | None:
        return self._compiled.match(line) if self._may_match(line) else None


class _Pretested:
    """A pattern run only on the lines where `needed` holds: a cheap test that every line the
    pattern matches passes (a character or a pair of them every match contains)."""

    def __init__(self, pattern: re.Pattern[str], needed: Callable[[str], bool]) -> None:
        self.pattern = pattern.pattern
        self._compiled = pattern
        self._needed = needed

    def search(self, line: str) -> re.Match[str] | None:
        return self._compiled.search(line) if self._needed(line) else None

    def split(self, line: str) -> list[str]:
        return self._compiled.split(line)


_lower = functools.lru_cache(maxsize=1024)(str.lower)


def _words(*groups: Iterable[str]) -> str:
    return word_alternation(w for g in groups for w in g)


REPORTED = _Folded(re.compile(
    r"\b(said|says|told|added|stated|according to|sagte|sagt|erklärte|betonte|a déclaré|"
    r"a dit|selon|dijo|afirmó|según|dedi|açıkladı|söyledi|заявил|сказал|по словам)\b",
    re.IGNORECASE,
))
"""A reported statement: a line that quotes someone is a story's line, not the site's."""

INTERACTION = _Folded(re.compile(
    r"(?<!\w)(" + _words(
        # comment, discuss, give an opinion
        ("comment", "comments", "commenting", "comment below", "have your say",
         "join the conversation", "join the discussion", "tell us", "let us know", "your say",
         "your thoughts", "your views", "kommentar", "kommentare", "kommentieren",
         "mitdiskutieren", "diskutieren sie", "ihre meinung", "commentaire", "commentaires",
         "commenter", "réagissez", "réagir", "votre avis", "comentario", "comentarios",
         "comentar", "opinas", "opinar", "opinión", "tu opinión", "yorum", "yorumlar",
         "yorum yaz", "yorum yap", "görüşlerinizi", "düşüncelerinizi", "комментарий",
         "комментарии", "комментировать", "ваше мнение"),
        # share, pass on
        ("share", "share this", "pass it on", "forward this", "send to a friend",
         "email this", "teilen", "weiterleiten", "envoyer à un ami", "enviar a un amigo",
         "partagez",
         "partager", "partagez-le", "comparte", "compartir", "paylaş", "paylaşın",
         "поделитесь", "поделиться"),
        # subscribe, newsletters, memberships, trial offers
        ("subscribe", "subscription", "subscriber", "newsletter", "newsletters",
         "sign up", "supporter", "support our journalism", "support independent journalism",
         "free trial", "abonnieren", "abonnement", "abo", "gratis", "probeabo",
         "abonnez-vous", "abonnez", "s'abonner", "lettre d'information", "suscríbete",
         "suscribirse", "suscripción", "boletín", "abone", "abone ol", "bülten",
         "подпишитесь", "подписка", "рассылка"),
        # accounts
        ("log in", "login", "sign in", "account", "register", "registered",
         "anmelden", "angemeldet", "registrieren", "registriert", "connectez-vous",
         "connecté", "inscrivez-vous", "inicia sesión", "registrado", "regístrate",
         "giriş yap", "giriş yapın", "üye ol", "войдите", "зарегистрируйтесь"),
        # notifications and apps
        ("notification", "notifications", "alerts", "push", "benachrichtigungen",
         "push-mitteilungen", "mitteilungen", "notificaciones", "avisaremos", "bildirim",
         "bildirimler", "bildirimlere", "уведомления", "app", "apps", "app store",
         "google play", "appli", "application", "aplicación", "uygulama", "uygulamamızı",
         "приложение", "download", "herunterladen", "téléchargez", "descarga", "descárgate",
         "indirin", "скачайте"),
        # following the outlet on social networks
        ("facebook", "twitter", "instagram", "whatsapp", "telegram", "youtube", "tiktok",
         "linkedin", "channel", "kanal", "kanalımız", "канал", "follow us", "folgen sie",
         "suivez-nous", "síguenos", "takip edin"),
    ) + r")(?!\w)",
    re.IGNORECASE,
))
ADDRESS = re.compile(
    r"(?<!\w)(you|your|you're|yours|(?-i:Sie|Ihr|Ihre[nmrs]?|Ihnen)|du|dich|dein|deine|vous|"
    r"votre|vos|tu|"
    r"ton|ta|tes|usted|tú|te|quieres|puedes|escríbenos|siz|size|sizin|вы|вас|ваш|ваше|"
    r"tuo|tua|tuoi|vostr[oaie]|vuoi|puoi|você|vocês|"
    r"our|unsere[nmrs]?|notre|nos|nuestr[ao]s?|nostr[oaie]|noss[oa]s?|bizim|наш[аеи]?|"
    r"please|bitte|por favor|per favore|"
    r"lütfen|пожалуйста|"
    r"indirin|edin|yapın|tıklayın|olun|izleyin|okuyun|paylaşın|yazın|verin|katılın|"
    r"\w+(?:iniz|ınız|unuz|ünüz|siniz|sınız|sunuz|sünüz))(?!\w)",
    re.IGNORECASE,
)
"""The reader addressed: second-person pronouns and verb forms, the site's "our", "please".
German's polite forms count only capitalised (lower-case sie/ihr are she, they and her)."""
IMPERATIVE_START = re.compile(
    r"(?:^|[.!?:]\s+)\W*(get|download|join|follow|like|sign|subscribe|share|leave|tell|send|allow|enable|"
    r"turn on|become|support|read|comment|register|log|holen|laden|folgen|teilen|abonnieren|"
    r"schreiben|aktivieren|erlauben|téléchargez|suivez|rejoignez|abonnez|partagez|activez|"
    r"descarga|sigue|síguenos|únete|suscríbete|comparte|activa|deja|indir|takip|katıl|"
    r"paylaş|abone|скачайте|подпишитесь|читайте)\b",
    re.IGNORECASE,
)

BUILT_BY = _Gated(re.compile(
    r"^\W*(\w+\s){0,4}?(powered|developed|maintained|hosted|designed)"
    r"( and (powered|developed|maintained|hosted|designed|built|run|operated))? by\b|"
    r"^\W*(hosting|design|web design|development|software|content management)"
    r"( and [\w ]{3,30})? by\b|"
    r"\b(site|website|theme|web ?site) (powered|developed|maintained|hosted|designed|built|"
    r"run) by\b|^\W*(site|website|web ?design|design|theme) by\b",
    re.IGNORECASE,
))
"""Who built, runs or hosts the website: a line that opens with it, or names the site."""
INTERACTION_LABEL = re.compile(r"^\W*(" + INTERACTION.pattern + r")\W*[:|–—]", re.IGNORECASE)
"""A box labelled with the interaction itself: `Newsletter: …`, `Bülten: …`."""
THIS_SITE = _Folded(re.compile(
    r"\b(this|diese[rs]?|ce|cette|este|esta|questo|bu|этот|данный) (site|website|web ?site|seite|"
    r"sito|webseite|sitio|página|portal|сайт)\b",
    re.IGNORECASE,
))
COOKIE = _Folded(re.compile(r"(?<!\w)(cookies?|çerez\w*|куки|файл\w* cookie)(?!\w)", re.IGNORECASE))
COOKIE_CONTEXT = _Folded(re.compile(
    r"site|sito|web|seite|sitio|sitemiz|сайт|browser|navig|experien|esperienz|experiênc|deneyim|"
    r"consent|einwillig|"
    r"consentimiento|consentement|onay|согласи|essential|notwendig|necesari|nécessaire|zorunlu|"
    r"analy|personalis|tracking|policy|politika|richtlinie|politique|política|accept|akzept|"
    r"acepta|kabul|settings|einstellungen|paramètres|ayarlar|настройк",
    re.IGNORECASE,
))

RIGHTS = _Folded(re.compile(
    r"©|\bcopyright\b|rights reserved|all rights|reproduction (without|is|in whole)|"
    r"(may|must) not be (re)?(published|produced|distributed|copied)|without (prior )?written "
    r"permission|derechos reservados|no (pueden|puede) reproducirse|prohibida (la|su) "
    r"reproducción|droits (de reproduction )?réservés|reproduction interdite|rechte "
    r"vorbehalten|nachdruck nur|nicht (weiter)?verbreitet|hakları saklıdır|izinsiz|alıntı "
    r"yapılamaz|права защищены|перепечатка|"
    r"propulsé par|réalisé par|conçu par|hébergé par|desarrollad[oa] por|diseñad[oa] por|"
    r"gestionad[oa] por|entwickelt von|betrieben von|umgesetzt von|realisiert von|"
    r"tarafından (geliştiril|tasarlan|yönetil)|yazılım( ve altyapı)?\s*:|разработ\w+|"
    r"сделано в",
    re.IGNORECASE,
))
LEGAL_LINKS = _Folded(re.compile(
    r"(?<!\w)(imprint|impressum|privacy|datenschutz|terms|conditions|agb|cookie policy|"
    r"accessibility|sitemap|contact( us)?|kontakt|about us|über uns|legal|aviso legal|"
    r"mentions légales|confidentialité|cgu|política de privacidad|términos|gizlilik|künye|"
    r"kvkk|iletişim|политика конфиденциальности|контакты|advertise|werben|publicidad|"
    r"karriere|careers|feedback|widerrufsbelehrung)(?!\w)",
    re.IGNORECASE,
))
_SEPARATOR_MARKS = "|·•–—/"
_THREE_SPACES = re.compile(r"\s\s\s")
LINK_SEPARATORS = _Pretested(
    re.compile(r"\s[|·•–—/]\s|\s{3,}"),
    lambda line: any(map(line.__contains__, _SEPARATOR_MARKS))
    or _THREE_SPACES.search(line) is not None,
)
"""A separator between links: a mark between spaces, or a run of three spaces (a line without
the mark or the run is not searched)."""

RESPONSIBILITY = _Folded(re.compile(
    r"\bresponsib|\bliab(le|ility)|endorse|necessarily|moderated|do not reflect|does not reflect|"
    r"reflect the (opinions|views)|haftung|verantwort|meinung der redaktion|"
    r"geben nicht|moderiert|responsab|n'engage|ne reflète|no refleja|no se hace|opiniones "
    r"vertidas|sorumlu|yansıtmaz|ответственност|не несет|может не совпадать",
    re.IGNORECASE,
))
SUBJECT_OF_NOTICE = _Folded(re.compile(
    r"comment|views|opinion|posts|readers|contributions|content|links|errors|information|"
    r"meinung|kommentar|inhalte|beiträge|leser|avis|commentaires|contenus|erreurs|lecteurs|"
    r"opiniones|comentarios|lectores|contenidos|yorum|görüş|içerik|комментар|мнени|материал",
    re.IGNORECASE,
))

_DOT_LETTER = re.compile(r"\.[a-z]", re.IGNORECASE)
DOMAIN = _Pretested(
    re.compile(r"(?<![\w@])(?:www\.)?[a-z0-9-]{2,}\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b",
               re.IGNORECASE),
    lambda line: _DOT_LETTER.search(line) is not None,
)
"""A web address; only a line with a full stop right before a letter can hold one (the
pattern itself tries every position of every line)."""
SITE_WORDS = _Folded(re.compile(
    r"\b(site|website|edition|version|page|app|reached|address|seite|webseite|ausgabe|version|"
    r"adresse|site web|sitio|página|edición|dirección|sitemiz|sayfa|adres|сайт|версия|адрес)\b",
    re.IGNORECASE,
))
NEWSROOM = re.compile(
    r"(?<!\w)(desk|staff|newsroom|news service|editorial team|editors|bureau|correspondents?|"
    r"redaktion|nachrichtenredaktion|rédaction|redacción|redação|haber merkezi|masası|"
    r"редакция|служба новостей)(?!\w)",
    re.IGNORECASE,
)

TOPIC_LABEL = re.compile(
    r"^\W*(keywords?|key words|tags?|tagged( in| with)?|topics?|related topics|more on|"
    r"filed under|subjects?|themes?|thèmes?|mots[- ]clés|sujets|étiquettes|etiquetas|"
    r"temas|palabras clave|schlagwörter|schlagworte|stichworte|stichwörter|themen|"
    r"anahtar kelimeler|etiketler|konular|теги|ключевые слова|темы|метки)\s*:",
    re.IGNORECASE,
)

POSITION_MARK = re.compile(
    r"\((l|left|centre|center|from left|l(eft)? to r(ight)?|l-r|i-d|v\.\s?l\.?(\s?n\.\s?r\.)?|"
    r"von links|de g(auche)? à d(roite)?|de izq(uierda)?\.? a der(echa)?\.?|soldan sağa|"
    r"слева направо|слева)\)|\((l|i)\)\s*(to|a|à|-)\s*\((r|d)\)",
    re.IGNORECASE,
)
"""Where the people in a picture stand. A lone (R), (D) or (I) is left alone: it is the party
of a US politician as often as a place in a photo."""
PICTURE_LABEL = re.compile(
    r"^\W*((\w+[ -]){0,2}(images?|photos?|pictures?|pix)\s*:|"
    r"(file|archive|handout|stock|library|symbol) (photo|picture|image)s?\b|"
    r"(file|archive|handout|stock|supplied|symbol|library|caption)\s*(photo|picture|image)?"
    r"\s*[:(]|archivbild|archivfoto|symbolbild|symbolfoto|bildunterschrift|"
    r"foto de archivo|imagen de archivo|foto\s*:\s*archivo|photo d'archives|\(photo d'archives\)"
    r"|photo d'illustration|légende\s*:|arşiv fotoğraf|fotoğraf\s*:\s*arşiv|архивное фото)",
    re.IGNORECASE,
)
CREDIT_TAIL = re.compile(
    r"\(\s*(\w+\s+){0,3}(photo|foto|image|picture|pic|bild|fotoğraf|фото)s?\b[^()]{0,60}\)\W*$|"
    r"\((afp|ap|reuters|epa|dpa|getty images|anadolu|aa|efe|xinhua|ria novosti|tass|"
    r"handout|pool)(\s*/\s*[\w .-]+)?\)\W*$",
    re.IGNORECASE,
)
TEASER_LABEL = re.compile(
    r"^\W*((also|more) (on|in|from|at) [\w .'’-]{2,40}|also read|read also|see also|"
    r"related|recommended|mehr dazu|mehr zum thema|auch interessant|lesen sie auch|"
    r"lire aussi|à lire aussi|voir aussi|lee también|ver también|te puede interesar|"
    r"ilginizi çekebilir|önerilen haber|ayrıca oku|bunu da okuyun|читайте также|"
    r"смотрите также)\s*(:|▸|»|›|>|\|)",
    re.IGNORECASE,
)
BIO_ROLE = _Folded(re.compile(
    r"(?<!\w)\w*(reporter|correspondent|journalist|editor|writer|columnist|contributor|"
    r"producer|photographer|analyst|professor|lecturer|fellow at|author of|newsroom|covers|"
    r"covering|writes (about|for)|has reported|schreibt für|écrit pour|escribe para|scrive per|"
    r"escreve para|giornalista|redattore|corrispondente|inviat[oa]|jornalista|repórter|"
    r"redakteur|korrespondent|leitet das|ressort|"
    r"rédact(eur|rice)|correspondant|chroniqueu?r|periodista|redact(or|ora)|corresponsal|"
    r"cronista|muhabir|temsilci|editör|yazar|корреспондент|журналист|обозреватель|редактор)"
    r"\w*",
    re.IGNORECASE,
))
"""Newsroom roles, matched inside compounds and with endings (Wirtschaftsredakteur,
muhabiri, корреспондентом)."""
NAME_START = re.compile(
    r"^[A-ZÀ-ÝĞİŞÇÖÜА-Я][\w'’-]+(\s[A-ZÀ-ÝĞİŞÇÖÜА-Я][\w'’-]+){1,3}"
    r"(,|\s(is|was|has|joined|covers|writes|grew|leads|reports|ist|war|leitet|schreibt|berichtet|"
    r"arbeitet|est|était|couvre|écrit|dirige|es|fue|cubre|escribe|dirige|trabaja|"
    r"è|era|scrive|lavora|segue|é|escreve|trabalha|"
    r"является|работает|пишет))(?!\w)"
)
"""A name opening the line, then what a bio says next: a copula, a verb of the job, a comma."""
ADVERT_LINE = re.compile(
    r"^\W*(advertisement|advert|ad|ads|sponsored( content| post)?|promoted( content)?|"
    r"paid (content|partnership)|partner content|anzeige|werbung|werbeanzeige|"
    r"gesponsert|publicité|contenu sponsorisé|publicidad|anuncio|espacio patrocinado|"
    r"contenido patrocinado|reklam|sponsorlu( içerik)?|реклама|партнерский материал)"
    r"\W*((story|article|text) continues( below)?|continue reading( below)?|"
    r"weiterlesen|la suite ci-dessous|sigue leyendo|haberin devamı)?\W*$",
    re.IGNORECASE,
)


def reader_prompt(line: str) -> bool:
    """An interaction concept (comment, share, subscribe, account, notifications, app) asked
    of the reader: addressed to them, imperative, a question or a bare label."""
    n = word_count(line)
    if n > 30 or not INTERACTION.search(line) or REPORTED.search(line):
        return False
    return bool(n <= 6 or ADDRESS.search(line) or IMPERATIVE_START.search(line)
                or "?" in line or INTERACTION_LABEL.match(line))


def cookie_notice(line: str) -> bool:
    """Cookies named with the site, the browser, consent or settings, by the site to its
    reader: a cookie banner (a story about cookie rules speaks of others' sites)."""
    return (word_count(line) <= 70 and bool(COOKIE.search(line))
            and bool(COOKIE_CONTEXT.search(line)) and not REPORTED.search(line)
            and bool(ADDRESS.search(line) or THIS_SITE.search(line)))


def rights_line(line: str) -> bool:
    """Rights reserved, reproduction forbidden, who built or hosts the site; or a row of legal
    links (imprint, privacy, terms…)."""
    n = word_count(line)
    built = BUILT_BY.search(line) if n <= 15 else BUILT_BY.match(line)
    if built and not REPORTED.search(line):
        return True
    if n <= 40 and RIGHTS.search(line) and not REPORTED.search(line):
        return True
    if not LINK_SEPARATORS.search(line):
        return False
    parts = [p for p in LINK_SEPARATORS.split(line) if p.strip()]
    return len(parts) >= 3 and sum(1 for p in parts if LEGAL_LINKS.search(p)) >= 2


def outlet_notice(line: str) -> bool:
    """The site speaking about itself: a disclaimer about comments, views or links; a desk or
    newsroom byline; a notice naming a web address of the site."""
    n = word_count(line)
    if n > 60:
        return False
    # the shapes first, a reported statement only then: most lines have none of the shapes
    notice = ((RESPONSIBILITY.search(line) and SUBJECT_OF_NOTICE.search(line))
              or (n <= 8 and NEWSROOM.search(line) and not line.rstrip().endswith((".", "!", "?")))
              or (n <= 30 and DOMAIN.search(line) and SITE_WORDS.search(line)
                  and ADDRESS.search(line)))
    return bool(notice) and not REPORTED.search(line)


def keyword_header(line: str) -> bool:
    return bool(TOPIC_LABEL.match(line)) and word_count(line) <= 40


def picture_caption(line: str) -> bool:
    """A caption by its marks: position markers, archive/handout/symbol labels, a credit."""
    if word_count(line) > 45:
        return False
    return bool(POSITION_MARK.search(line) or PICTURE_LABEL.match(line)
                or CREDIT_TAIL.search(line))


ARCHIVE_PICTURE = _Folded(re.compile(
    r"file|archive|archiv|handout|stock|symbol|library|foto de archivo|imagen de archivo|"
    r"photo d'archives|d'illustration|arşiv|архив",
    re.IGNORECASE,
))
"""A picture from the archive, a handout or a symbol image is not of this story's event."""
OFF_TOPIC = 0.3
"""Share of a caption's meaningful words the story must use for the caption to be about it."""


def teaser_label(line: str) -> bool:
    return bool(TEASER_LABEL.match(line)) and word_count(line) <= 60


def author_bio(line: str) -> bool:
    """`<Name> is a reporter covering …`: a name opening the line, then a newsroom role in the
    next dozen words."""
    match = NAME_START.match(line)
    if not match or REPORTED.search(line) or word_count(line) > 70:
        return False
    return bool(BIO_ROLE.search(" ".join(line.split()[:16])))


def advert_marker(line: str) -> bool:
    return bool(ADVERT_LINE.match(line))


CLASSES = (
    ("advertisement", advert_marker),
    ("cookie", cookie_notice),
    ("share", reader_prompt),
    ("copyright", rights_line),
    ("site_notice", outlet_notice),
    ("tags", keyword_header),
    ("caption", picture_caption),
    ("teaser", teaser_label),
    ("author_bio", author_bio),
)


def chrome_class(line: str) -> str | None:
    """The name of the first class the line belongs to, or None."""
    for name, test in CLASSES:
        if test(line):
            return name
    return None


def mark_classes(texts: list[str], verdicts: list[str | None]) -> None:
    """Name the blocks no earlier rule named that belong to one of the classes; a long story
    sentence (prose, 40+ words) is left to the rules that may cut prose."""
    story_words: Counter[str] | None = None
    for i, text in enumerate(texts):
        found = None
        if verdicts[i] is None and not (is_story_like(text) and word_count(text) > 40):
            verdicts[i] = found = chrome_class(text)
        if found == "caption" and not ARCHIVE_PICTURE.search(text):
            if story_words is None:
                story_words = Counter(w for k, t in enumerate(texts) if verdicts[k] is None
                                      for w in content_words(t))
            own = content_words(text)
            shared = sum(1 for w in own if story_words[w] > 0) / len(own) if own else 0.0
            if shared >= OFF_TOPIC:
                verdicts[i] = None  # a caption of the story's own pictures is part of it
        if (verdicts[i] is None and i and verdicts[i - 1] in ("related", "teaser")
                and text.endswith(("…", "...", "[…]", "[...]"))):
            verdicts[i] = "teaser"  # the cut-off text of the headline just teased

