"""Classes of page chrome told by shape and concept, each on lines of several invented outlets
and languages, and story sentences with the same words that must stay."""

from __future__ import annotations

import pytest

from storyline.clean.classes import (
    author_bio,
    chrome_class,
    cookie_notice,
    keyword_header,
    outlet_notice,
    picture_caption,
    reader_prompt,
    rights_line,
    teaser_label,
)


@pytest.mark.parametrize("line", [
    "Got a view on this? Post your comment below.",
    "Comments are open: sign in to take part.",
    "Donnez votre avis dans les commentaires",
    "Hinterlassen Sie einen Kommentar zu diesem Artikel",
    "¿Qué te parece? Déjanos tu comentario.",
    "Bu habere siz de yorum yazabilirsiniz",
    "Оставьте ваш комментарий ниже",
    "Forward this story to a friend",
    "Teilen Sie diesen Beitrag mit Ihren Freunden",
    "Sign up for the Harbour Gazette morning briefing newsletter",
    "Abonnez-vous à notre lettre d'information quotidienne",
    "Suscríbete y recibe las noticias en tu correo",
    "Turn on notifications to hear first about breaking news",
    "Laden Sie jetzt unsere App herunter",
    "Follow our Telegram channel for live updates",
    "Newsletter: the week's best reads every Sunday",
])
def test_reader_prompts_in_several_languages_are_chrome(line: str) -> None:
    assert reader_prompt(line)


@pytest.mark.parametrize("line", [
    "The ministry said it would share the findings with lawmakers on Tuesday.",
    "Thousands of readers left comments under the post, the newspaper said.",
    "Sie sagte, sie werde ihre App im Herbst vorstellen.",
    "The app, which has been downloaded two million times, was removed from the store.",
])
def test_story_sentences_about_apps_and_comments_are_not_prompts(line: str) -> None:
    assert not reader_prompt(line)


@pytest.mark.parametrize("line", [
    "© 2024 Harbour Gazette Ltd. All rights reserved.",
    "Website developed and maintained by Brightline Digital",
    "Site by Northgate Studio",
    "Tous droits réservés – reproduction interdite sans autorisation",
    "Queda prohibida la reproducción total o parcial de los contenidos",
    "Nachdruck nur mit schriftlicher Genehmigung der Redaktion",
    "Tüm hakları saklıdır. İzinsiz kullanılamaz.",
    "Datenschutz | Impressum | AGB | Kontakt",
    "Aviso legal · Política de privacidad · Contacto",
])
def test_rights_and_legal_lines_are_chrome(line: str) -> None:
    assert rights_line(line)


@pytest.mark.parametrize("line", [
    "The museum is run by a foundation set up by the family in 1952.",
    "Communications are powered by generators during the blackout, officials said.",
    "Every school run by the council will close on Friday.",
])
def test_story_sentences_with_by_phrases_are_not_rights_lines(line: str) -> None:
    assert not rights_line(line)


@pytest.mark.parametrize("line", [
    "Opinions in reader comments are their authors' own; the Harbour Gazette is not "
    "responsible for them.",
    "Les commentaires n'engagent que leurs auteurs et ne reflètent pas l'avis de la rédaction.",
    "Für den Inhalt externer Links übernimmt die Redaktion keine Haftung.",
    "Harbour Gazette News Desk",
    "Por la redacción de El Faro del Sur",
    "This page is also available at gazette-mobile.net for your phone.",
])
def test_the_outlet_speaking_of_itself_is_chrome(line: str) -> None:
    assert outlet_notice(line)


def test_a_story_about_responsibility_is_not_a_notice() -> None:
    assert not outlet_notice("The group claimed responsibility for the attack on the convoy.")
    assert not outlet_notice(
        "Even exiled opposition groups can provide little reliable information, analysts say.")


@pytest.mark.parametrize("line", [
    "Keywords: floods, Danube, evacuation",
    "Tagged in: elections, parliament",
    "Schlagwörter: Haushalt · Schuldenbremse",
    "Mots-clés : grève, retraites",
    "Palabras clave: sequía, embalses",
    "Anahtar kelimeler: seçim, sandık",
    "Ключевые слова: выборы, парламент",
])
def test_keyword_headers_are_chrome(line: str) -> None:
    assert keyword_header(line)


@pytest.mark.parametrize("line", [
    "(L) to (R): the mayor and the harbour master at the reopening of the pier",
    "(v.l.n.r.) Bürgermeister und Landrätin beim Spatenstich",
    "(De izq. a der.) La alcaldesa y el consejero de Obras Públicas",
    "File photo: fishing boats in the old harbour",
    "Archivbild: Ein Regionalzug im Bahnhof",
    "Handout picture of the new ferry terminal",
    "Fans queue for tickets outside the ground (Gazette photo: Tom Reed)",
])
def test_caption_marks_are_recognised(line: str) -> None:
    assert picture_caption(line)


def test_a_party_letter_after_a_name_is_not_a_caption_mark() -> None:
    assert not picture_caption("Senator Jane Doe (R) said she would vote against the bill.")


@pytest.mark.parametrize("line", [
    "Also on Harbour Gazette: Council votes to close the lido",
    "Mehr dazu: Landtag debattiert über neue Buslinien",
    "Lire aussi : La mairie renonce au tramway",
    "Ver también: El puerto amplía su terminal",
    "İlginizi çekebilir: Kıyı yolunda yeni düzenleme",
])
def test_teaser_labels_are_chrome(line: str) -> None:
    assert teaser_label(line)


@pytest.mark.parametrize("line", [
    "Maria Lopez is a political correspondent for the Gazette and covers parliament.",
    "Jonas Weber ist Wirtschaftsredakteur und schreibt über Energie.",
    "Claire Martin est journaliste au service société depuis 2015.",
    "Lucía Ortega es periodista y cubre la información municipal.",
    "Ahmet Yılmaz, gazetemizin Ankara muhabiri",
    "Marco Bianchi scrive per il giornale da vent'anni e ama la montagna.",
    "Ana Souza é jornalista e escreve para a editoria de cidades.",
])
def test_author_bios_are_chrome(line: str) -> None:
    assert author_bio(line)


def test_a_story_sentence_naming_a_reporter_is_not_a_bio() -> None:
    assert not author_bio("Sunday Times photographer Paul Conroy was smuggled out to Lebanon.")
    assert not author_bio("In Brazil the ranchers said the producers had lost money.")


@pytest.mark.parametrize("line", [
    "We use cookies to improve your experience on our website.",
    "Diese Seite verwendet Cookies. Mit der Nutzung stimmen Sie zu.",
    "Nous utilisons des cookies pour mesurer l'audience de notre site.",
    "Sitemizde çerezler kullanılmaktadır; ayrıntılar için politikamızı okuyun.",
    "Questo sito usa i cookie tecnici e di profilazione: continuando accetti.",
    "Usamos cookies para melhorar a sua experiência no nosso portal.",
])
def test_cookie_banners_are_chrome(line: str) -> None:
    assert cookie_notice(line)


def test_a_story_about_cookie_rules_is_not_a_banner() -> None:
    assert not cookie_notice(
        "The court ruled that websites which use cookies must ask visitors for consent.")


@pytest.mark.parametrize(("line", "kind"), [
    ("Advertisement · Story continues below", "advertisement"),
    ("Anzeige", "advertisement"),
    ("Contenu sponsorisé", "advertisement"),
    ("Share this story on WhatsApp", "share"),
])
def test_chrome_class_names_the_class(line: str, kind: str) -> None:
    assert chrome_class(line) == kind
