"""Date lines of scraped pages in several languages: their date is kept, a story sentence that
names a date is not a date line, and a date line is never taken for the headline."""

from __future__ import annotations

import pytest

from storyline.clean import clean_plain
from storyline.clean.datelines import parse_date_line


@pytest.mark.parametrize(("line", "value"), [
    ("Published March 5, 2020", "2020-03-05"),
    ("Posted on 5 March 2020 | 18:42", "2020-03-05"),
    ("Publié le 14/04/2023 à 18h12 – Mis à jour à 21h40", "2023-04-14"),
    ("Dimanche 23 juillet 2023, 20:15", "2023-07-23"),
    ("Domingo, 23 de julio de 2023, 23:51 h", "2023-07-23"),
    ("Veröffentlicht am 5. März 2020, 18:42 Uhr", "2020-03-05"),
    ("Pubblicato il 12 maggio 2023 alle 18:20", "2023-05-12"),
    ("Publicado em 9 de setembro de 2022", "2022-09-09"),
    ("5 Mart 2020 Perşembe 14:20", "2020-03-05"),
])
def test_date_lines_in_several_languages_give_their_date(line: str, value: str) -> None:
    assert parse_date_line(line) == value


@pytest.mark.parametrize("line", [
    "Storm hits coast on 5 March 2020",
    "Le président a parlé le 5 mars 2020 devant les députés.",
    "El 23 de julio de 2023 se celebraron elecciones generales.",
])
def test_sentences_naming_a_date_are_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(("dateline", "headline", "body"), [
    ("Publié le 14/04/2023 à 18h12",
     "Le tribunal valide la fermeture du vieux pont de la Saône",
     "Le tribunal administratif a validé jeudi la fermeture du vieux pont de la Saône, jugé "
     "trop fragile par les ingénieurs de la métropole après une série de contrôles."),
    ("Domingo, 23 de julio de 2023, 23:51 h",
     "El puerto amplía su terminal de contenedores hacia el sur",
     "La autoridad portuaria aprobó el domingo la ampliación de la terminal de contenedores "
     "hacia el sur, una obra que durará tres años y costará doscientos millones."),
])
def test_the_headline_is_never_the_date_line(dateline: str, headline: str, body: str) -> None:
    page = "\n".join(["Inicio | Accueil", headline, dateline, body, body.replace("a", "à", 1)])
    result = clean_plain(page)
    assert result.title == headline
    assert dateline not in result.text
    assert result.published is not None
    assert result.published == parse_date_line(dateline)
