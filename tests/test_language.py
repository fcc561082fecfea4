from __future__ import annotations

from pathlib import Path

from newsdesk.lang.detect import looks_english

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FRENCH = (
    "Le gouvernement a annoncé lundi une hausse des prix de l'énergie, a déclaré le ministre de "
    "l'Économie lors d'une conférence de presse à Paris. Les syndicats ont immédiatement dénoncé "
    "une mesure injuste pour les ménages les plus modestes et appellent à manifester la semaine "
    "prochaine dans plusieurs grandes villes du pays."
)


def test_english_samples_pass_and_other_languages_do_not() -> None:
    assert all(looks_english(p.read_text("utf-8")) for p in SAMPLES.glob("*.txt"))
    assert not looks_english(FRENCH)
    assert looks_english("Bonjour tout le monde")  # too short to judge


SCORES = (
    "Girls basketball: Harbourview 54, Eastfield 41. Marta Kowalczyk 18 points, Dana Reyes 12 "
    "points, 9 rebounds. Westbrook 62, Pine Hollow 58 (OT): Lena Ortiz 21 points. Boys soccer: "
    "Cedar Point 3, Lakeside 1. Goals: Tom Avery 2, Raj Patel. Saves: Ben Carter 7. Volleyball: "
    "Northgate def. Riverside 25-19, 25-22, 25-17. Kills: Amy Stone 14, Priya Nair 11. Aces: "
    "Jo Kim 4. Records: Northgate 12-2, Riverside 8-6."
)
SPANISH = (
    "El gobierno anunció el lunes una subida de los precios de la energía, según declaró el "
    "ministro de Economía en una rueda de prensa en Madrid. Los sindicatos denunciaron de "
    "inmediato una medida injusta para las familias más modestas y llamaron a manifestarse la "
    "próxima semana en varias ciudades del país."
)
RUSSIAN = (
    "Правительство в понедельник объявило о повышении цен на энергию, сообщил министр экономики "
    "на пресс-конференции в Москве. Профсоюзы сразу же назвали эту меру несправедливой для самых "
    "скромных семей и призвали выйти на улицы на следующей неделе в нескольких крупных городах "
    "страны, где уже прошли первые акции протеста."
)
INDONESIAN = (
    "Pemerintah mengumumkan kenaikan harga energi pada hari Senin, kata menteri ekonomi dalam "
    "konferensi pers di Jakarta. Serikat pekerja langsung menyebut kebijakan itu tidak adil untuk "
    "keluarga yang paling sederhana dan mengajak warga untuk turun ke jalan pada minggu depan di "
    "beberapa kota besar dan juga di daerah yang terdampak."
)


def test_a_list_of_names_and_scores_is_english_by_its_script_and_words() -> None:
    assert looks_english(SCORES)


def test_other_languages_and_scripts_are_not_english() -> None:
    assert not looks_english(SPANISH)
    assert not looks_english(RUSSIAN)
    assert not looks_english(INDONESIAN)
