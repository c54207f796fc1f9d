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
rule named. Their patterns are gated (`triggers.py`): one scan of the line finds the literals of
all of them, and a class whose patterns the scan rules out is not tested at all.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable

from storyline.clean.lines import content_words, is_story_like, word_count
from storyline.clean.triggers import SCAN, Folded, Gated, word_alternation


class _Listed(Gated):
    """A pattern gated by literals given by hand (its parse holds none certain), with the reason
    every match holds one of them or makes `also` hold of the scanned line."""

    def __init__(self, pattern: re.Pattern[str], literals: tuple[str, ...],
                 also: Callable[[str], bool] | None = None) -> None:
        self.pattern = pattern.pattern
        self.compiled = pattern
        self.literals = literals
        self.bit = SCAN.register(literals, also)


def _words(*groups: Iterable[str]) -> str:
    return word_alternation(w for g in groups for w in g)


REPORTED = Folded(re.compile(
    r"\b(said|says|told|added|stated|according to|sagte|sagt|erklärte|betonte|a déclaré|"
    r"a dit|selon|dijo|afirmó|según|dedi|açıkladı|söyledi|заявил|сказал|по словам)\b",
    re.IGNORECASE,
))
"""A reported statement: a line that quotes someone is a story's line, not the site's."""

INTERACTION = Folded(re.compile(
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
ADDRESS = Gated(re.compile(
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
))
"""The reader addressed: second-person pronouns and verb forms, the site's "our", "please".
German's polite forms count only capitalised (lower-case sie/ihr are she, they and her)."""
IMPERATIVE_START = Gated(re.compile(
    r"(?:^|[.!?:]\s+)\W*(get|download|join|follow|like|sign|subscribe|share|leave|tell|send|allow|enable|"
    r"turn on|become|support|read|comment|register|log|holen|laden|folgen|teilen|abonnieren|"
    r"schreiben|aktivieren|erlauben|téléchargez|suivez|rejoignez|abonnez|partagez|activez|"
    r"descarga|sigue|síguenos|únete|suscríbete|comparte|activa|deja|indir|takip|katıl|"
    r"paylaş|abone|скачайте|подпишитесь|читайте)\b",
    re.IGNORECASE,
))

BUILT_BY = Gated(re.compile(
    r"^\W*(\w+\s){0,4}?(powered|developed|maintained|hosted|designed)"
    r"( and (powered|developed|maintained|hosted|designed|built|run|operated))? by\b|"
    r"^\W*(hosting|design|web design|development|software|content management)"
    r"( and [\w ]{3,30})? by\b|"
    r"\b(site|website|theme|web ?site) (powered|developed|maintained|hosted|designed|built|"
    r"run) by\b|^\W*(site|website|web ?design|design|theme) by\b",
    re.IGNORECASE,
))
"""Who built, runs or hosts the website: a line that opens with it, or names the site."""
INTERACTION_LABEL = Gated(re.compile(r"^\W*(" + INTERACTION.pattern + r")\W*[:|–—]", re.IGNORECASE))
"""A box labelled with the interaction itself: `Newsletter: …`, `Bülten: …`."""
THIS_SITE = Folded(re.compile(
    r"\b(this|diese[rs]?|ce|cette|este|esta|questo|bu|этот|данный) (site|website|web ?site|seite|"
    r"sito|webseite|sitio|página|portal|сайт)\b",
    re.IGNORECASE,
))
COOKIE = Folded(re.compile(r"(?<!\w)(cookies?|çerez\w*|куки|файл\w* cookie)(?!\w)", re.IGNORECASE))
COOKIE_CONTEXT = Folded(re.compile(
    r"site|sito|web|seite|sitio|sitemiz|сайт|browser|navig|experien|esperienz|experiênc|deneyim|"
    r"consent|einwillig|"
    r"consentimiento|consentement|onay|согласи|essential|notwendig|necesari|nécessaire|zorunlu|"
    r"analy|personalis|tracking|policy|politika|richtlinie|politique|política|accept|akzept|"
    r"acepta|kabul|settings|einstellungen|paramètres|ayarlar|настройк",
    re.IGNORECASE,
))

RIGHTS = Folded(re.compile(
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
LEGAL_LINKS = Folded(re.compile(
    r"(?<!\w)(imprint|impressum|privacy|datenschutz|terms|conditions|agb|cookie policy|"
    r"accessibility|sitemap|contact( us)?|kontakt|about us|über uns|legal|aviso legal|"
    r"mentions légales|confidentialité|cgu|política de privacidad|términos|gizlilik|künye|"
    r"kvkk|iletişim|политика конфиденциальности|контакты|advertise|werben|publicidad|"
    r"karriere|careers|feedback|widerrufsbelehrung)(?!\w)",
    re.IGNORECASE,
))
_SEPARATOR_MARKS = "|·•–—/"
LINK_SEPARATORS = _Listed(
    re.compile(r"\s[|·•–—/]\s|\s{3,}"),
    (*(f" {mark} " for mark in _SEPARATOR_MARKS), "   "),
    also=lambda low: not low.isprintable(),
)
"""A separator between links: a mark between spaces, or a run of three spaces. In a printable
line every whitespace character is a plain space (all others are controls or separators, and
none has a case), so a match there is one of the literals; other lines are always searched."""

RESPONSIBILITY = Folded(re.compile(
    r"\bresponsib|\bliab(le|ility)|endorse|necessarily|moderated|do not reflect|does not reflect|"
    r"reflect the (opinions|views)|haftung|verantwort|meinung der redaktion|"
    r"geben nicht|moderiert|responsab|n'engage|ne reflète|no refleja|no se hace|opiniones "
    r"vertidas|sorumlu|yansıtmaz|ответственност|не несет|может не совпадать",
    re.IGNORECASE,
))
SUBJECT_OF_NOTICE = Folded(re.compile(
    r"comment|views|opinion|posts|readers|contributions|content|links|errors|information|"
    r"meinung|kommentar|inhalte|beiträge|leser|avis|commentaires|contenus|erreurs|lecteurs|"
    r"opiniones|comentarios|lectores|contenidos|yorum|görüş|içerik|комментар|мнени|материал",
    re.IGNORECASE,
))

DOMAIN = _Listed(
    re.compile(r"(?<![\w@])(?:www\.)?[a-z0-9-]{2,}\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b",
               re.IGNORECASE),
    tuple(f".{letter}" for letter in "abcdefghijklmnopqrstuvwxyz"),
)
"""A web address; every match holds a full stop right before a letter that `[a-z]` matches
when case is ignored: an ASCII letter in the line's scanned form (ı and ſ, the only other
letters it matches, are read as i and s there)."""
SITE_WORDS = Folded(re.compile(
    r"\b(site|website|edition|version|page|app|reached|address|seite|webseite|ausgabe|version|"
    r"adresse|site web|sitio|página|edición|dirección|sitemiz|sayfa|adres|сайт|версия|адрес)\b",
    re.IGNORECASE,
))
NEWSROOM = Gated(re.compile(
    r"(?<!\w)(desk|staff|newsroom|news service|editorial team|editors|bureau|correspondents?|"
    r"redaktion|nachrichtenredaktion|rédaction|redacción|redação|haber merkezi|masası|"
    r"редакция|служба новостей)(?!\w)",
    re.IGNORECASE,
))

TOPIC_LABEL = Gated(re.compile(
    r"^\W*(keywords?|key words|tags?|tagged( in| with)?|topics?|related topics|more on|"
    r"filed under|subjects?|themes?|thèmes?|mots[- ]clés|sujets|étiquettes|etiquetas|"
    r"temas|palabras clave|schlagwörter|schlagworte|stichworte|stichwörter|themen|"
    r"anahtar kelimeler|etiketler|konular|теги|ключевые слова|темы|метки)\s*:",
    re.IGNORECASE,
))

POSITION_MARK = Gated(re.compile(
    r"\((l|left|centre|center|from left|l(eft)? to r(ight)?|l-r|i-d|v\.\s?l\.?(\s?n\.\s?r\.)?|"
    r"von links|de g(auche)? à d(roite)?|de izq(uierda)?\.? a der(echa)?\.?|soldan sağa|"
    r"слева направо|слева)\)|\((l|i)\)\s*(to|a|à|-)\s*\((r|d)\)",
    re.IGNORECASE,
))
"""Where the people in a picture stand. A lone (R), (D) or (I) is left alone: it is the party
of a US politician as often as a place in a photo."""
PICTURE_LABEL = Gated(re.compile(
    r"^\W*((\w+[ -]){0,2}(images?|photos?|pictures?|pix)\s*:|"
    r"(file|archive|handout|stock|library|symbol) (photo|picture|image)s?\b|"
    r"(file|archive|handout|stock|supplied|symbol|library|caption)\s*(photo|picture|image)?"
    r"\s*[:(]|archivbild|archivfoto|symbolbild|symbolfoto|bildunterschrift|"
    r"foto de archivo|imagen de archivo|foto\s*:\s*archivo|photo d'archives|\(photo d'archives\)"
    r"|photo d'illustration|légende\s*:|arşiv fotoğraf|fotoğraf\s*:\s*arşiv|архивное фото)",
    re.IGNORECASE,
))
CREDIT_TAIL = Gated(re.compile(
    r"\(\s*(\w+\s+){0,3}(photo|foto|image|picture|pic|bild|fotoğraf|фото)s?\b[^()]{0,60}\)\W*$|"
    r"\((afp|ap|reuters|epa|dpa|getty images|anadolu|aa|efe|xinhua|ria novosti|tass|"
    r"handout|pool)(\s*/\s*[\w .-]+)?\)\W*$",
    re.IGNORECASE,
))
TEASER_LABEL = Gated(re.compile(
    r"^\W*((also|more) (on|in|from|at) [\w .'’-]{2,40}|also read|read also|see also|"
    r"related|recommended|mehr dazu|mehr zum thema|auch interessant|lesen sie auch|"
    r"lire aussi|à lire aussi|voir aussi|lee también|ver también|te puede interesar|"
    r"ilginizi çekebilir|önerilen haber|ayrıca oku|bunu da okuyun|читайте также|"
    r"смотрите также)\s*(:|▸|»|›|>|\|)",
    re.IGNORECASE,
))
BIO_ROLE = Folded(re.compile(
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
NAME_START = Gated(re.compile(
    r"^[A-ZÀ-ÝĞİŞÇÖÜА-Я][\w'’-]+(\s[A-ZÀ-ÝĞİŞÇÖÜА-Я][\w'’-]+){1,3}"
    r"(,|\s(is|was|has|joined|covers|writes|grew|leads|reports|ist|war|leitet|schreibt|berichtet|"
    r"arbeitet|est|était|couvre|écrit|dirige|es|fue|cubre|escribe|dirige|trabaja|"
    r"è|era|scrive|lavora|segue|é|escreve|trabalha|"
    r"является|работает|пишет))(?!\w)"
), gate=False)
"""A name opening the line, then what a bio says next: a copula, a verb of the job, a comma.
Not gated: its literals (a comma, `is`, `has`…) are in nearly every line."""
ADVERT_LINE = Gated(re.compile(
    r"^\W*(advertisement|advert|ad|ads|sponsored( content| post)?|promoted( content)?|"
    r"paid (content|partnership)|partner content|anzeige|werbung|werbeanzeige|"
    r"gesponsert|publicité|contenu sponsorisé|publicidad|anuncio|espacio patrocinado|"
    r"contenido patrocinado|reklam|sponsorlu( içerik)?|реклама|партнерский материал)"
    r"\W*((story|article|text) continues( below)?|continue reading( below)?|"
    r"weiterlesen|la suite ci-dessous|sigue leyendo|haberin devamı)?\W*$",
    re.IGNORECASE,
))


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


ARCHIVE_PICTURE = Folded(re.compile(
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
    ("advertisement", advert_marker, ((ADVERT_LINE,),)),
    ("cookie", cookie_notice, ((COOKIE, COOKIE_CONTEXT),)),
    ("share", reader_prompt, ((INTERACTION,),)),
    ("copyright", rights_line, ((BUILT_BY,), (RIGHTS,), (LINK_SEPARATORS, LEGAL_LINKS))),
    ("site_notice", outlet_notice, ((RESPONSIBILITY, SUBJECT_OF_NOTICE), (NEWSROOM,),
                                    (DOMAIN, SITE_WORDS, ADDRESS))),
    ("tags", keyword_header, ((TOPIC_LABEL,),)),
    ("caption", picture_caption, ((POSITION_MARK,), (PICTURE_LABEL,), (CREDIT_TAIL,))),
    ("teaser", teaser_label, ((TEASER_LABEL,),)),
    ("author_bio", author_bio, ((NAME_START,),)),
)
"""Each class's test, and the patterns it needs: the test holds only on a line where all the
patterns of one of the groups match (read off each test: a rights line is built-by, or rights,
or a row of links with two legal ones among them…), each on the line itself or on a part of it
(not the bio's role: it is looked for in the line's words joined anew). A line whose scan rules
out every group is not tested at all: most lines of a story rule out every class."""
_GATES = tuple(
    (name, test, tuple(functools.reduce(operator.or_, (p.bit for p in group)) for group in needs))
    for name, test, needs in CLASSES)


def chrome_class(line: str) -> str | None:
    """The name of the first class the line belongs to, or None."""
    bits = SCAN.bits(line)
    for name, test, groups in _GATES:
        for group in groups:
            if bits & group == group:
                if test(line):
                    return name
                break
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

