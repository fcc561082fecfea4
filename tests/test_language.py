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
