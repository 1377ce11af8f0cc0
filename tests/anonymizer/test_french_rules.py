"""French leak kinds (issue 9): titles, public bodies as attribution, witness lists, initials, origins,
and what must stay (the subject of an idea, French sentence openers). Invented people and groups;
public bodies are real. The allow-list is deliberately short: French body names work without it."""
import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster
from tests.anonymizer.expect import removed

ALLOW = ["Gendarmerie royale du Canada", "GRC", "Agence des services frontaliers du Canada", "ASFC",
         "Service correctionnel du Canada", "SCC", "Affaires mondiales Canada", "AMC", "FEGC", "PAN"]


@pytest.fixture(scope="module")
def fr_engine(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList(ALLOW))


@pytest.mark.parametrize("text,gone", [
    # titles: single-word, compound, abbreviated, committee roles, elisions
    ("La greffière a distribué le document; le directeur a répondu.", ["greffière", "directeur"]),
    ("La procureure en chef adjointe a reconnu les délais.", ["procureure en chef adjointe"]),
    ("L'inspectrice de la Sûreté du Québec présente les données.", ["inspectrice de la Sûreté du Québec"]),
    ("Karine prend note que le sous-min. a promis une réponse.", ["sous-min"]),
    ("Le vice-président du comité remercie les témoins.", ["vice-président du comité"]),
    ("Sergente d'état-major Ophélie Marchetti a présenté le bilan.", ["Sergente d'état-major", "Ophélie Marchetti"]),
    ("L'attachée de presse du ministre était présente.", ["attachée de presse du ministre"]),
    # public bodies as attribution, with or without the allow-list
    ("Les fonctionnaires de l'ASFC ont présenté les chiffres.", ["ASFC"]),
    ("Les témoins du SCC ont défendu leurs programmes.", ["SCC"]),
    ("Du côté de la GRC, on promet un bilan.", ["GRC"]),
    ("Selon Services aux Autochtones Canada, les fonds sont engagés.", ["Services aux Autochtones Canada"]),
    ("Le MDN a aussi parlé du harcèlement dans les rangs.", ["MDN"]),
    ("Nous accueillons des fonctionnaires du ministère de la Sécurité publique.", ["ministère de la Sécurité publique"]),
    ("La sous-ministre adjointe principale à Justice Canada a répondu.",
     ["sous-ministre adjointe principale", "Justice Canada"]),
    ("Ottawa, le 3 juin – Sécurité publique Canada\nNote aux participants.", ["Sécurité publique Canada"]),
    ("- lou (Sécurité publique) : pas de budget cette année", ["Sécurité publique"]),
    # witness lists and captions
    ("Liste des témoins\nBérangère Toussaint-Ojo, directrice, Direction des programmes, Affaires mondiales Canada",
     ["Bérangère Toussaint-Ojo", "directrice", "Direction des programmes", "Affaires mondiales Canada"]),
    ("Témoins\nService correctionnel du Canada\nAnatole Vérany, commissaire adjoint, Secteur des délinquantes",
     ["Service correctionnel du Canada", "Anatole Vérany", "commissaire adjoint", "Secteur des délinquantes"]),
    ("À titre personnel\nFlorine Abessolo, avocate", ["Florine Abessolo", "avocate"]),
    # names: initials with accents and hyphens, ALL CAPS surnames, particles
    ("M.-È. T. insiste sur les indicateurs.", ["M.-È. T."]),
    ("J.-S. G. et Y. B. rédigeront la proposition.", ["J.-S. G.", "Y. B."]),
    ("Rosalinde FORTUNAT a expliqué le budget.", ["Rosalinde FORTUNAT"]),
    ("Liste\nFlavie Le Corre, professeure titulaire, Institut Borée", ["Flavie Le Corre"]),
    ("Gaspard de la Vernière répond que non.", ["Gaspard de la Vernière"]),
    ("Je remercie la députée de Val-Brûlé—Sainte-Odile de sa question.", ["députée de Val-Brûlé—Sainte-Odile"]),
    ("Présentation de Dre Ysaline Koffi-Marchand, chercheuse.", ["Ysaline Koffi-Marchand"]),
    ("La directrice régionale du SCC pour le Québec a présenté les programmes.", ["directrice régionale"]),
    ("Léopoldine Marais, lieutenante-colonelle à la retraite, a rappelé les chiffres.",
     ["lieutenante-colonelle à la retraite"]),
    ("L'agente de programme principale à FEGC a expliqué les critères.", ["agente de programme principale à FEGC"]),
    ("Benjamin, jeune militant de Kangiqsujuaq, a demandé une place pour les jeunes.", ["Benjamin"]),
    # civil-society organizations named in French, not on the allow-list
    ("Amnistie internationale et Médecins sans frontières ont déposé un mémoire.",
     ["Amnistie internationale", "Médecins sans frontières"]),
    # places identifying the speaker
    ("En tant qu'Acadienne, elle rappelle l'importance du français.", ["Acadienne"]),
    ("Mme Kanté, d'origine haïtienne, a parlé de la diaspora.", ["haïtienne", "Kanté"]),
    ("Je suis née à Ségou et je vis ici depuis dix ans.", ["Ségou"]),
    ("Il vient d'Inukjuak et connaît bien le dossier.", ["Inukjuak"]),
])
def test_french_kind_is_removed(fr_engine, text, gone):
    res = fr_engine.anonymize(text, lang="fr")
    for needle in gone:
        assert removed(res, text, needle), (needle, res.text)


@pytest.mark.parametrize("text,kept", [
    # the same bodies as the subject of an idea stay
    ("Le groupe recommande que la GRC recrute davantage de femmes autochtones.", ["GRC"]),
    ("Les fonctionnaires de l'ASFC devraient être formés à l'ACS+.", ["ASFC"]),
    ("On demande que le SCC et la GRC confirment leur participation.", ["SCC", "GRC"]),
    ("Le ministère des Finances devrait publier un état annuel des dépenses.", ["ministère des Finances"]),
    ("Selon le rapport de l'OCDE, moins de 1 % de l'aide va aux organisations de femmes.", ["OCDE"]),
    ("Le ministère devrait publier un rapport annuel.", ["ministère"]),
    ("Selon la Charte canadienne des droits et libertés, l'égalité est garantie.", ["Charte canadienne"]),
    ("La GRC présente des lacunes et le SCC soutient les victimes.", ["GRC", "SCC"]),
    ("Les refuges en Estrie et en Outaouais manquent de places.", ["Estrie", "Outaouais"]),
    ("Les jeunes Innus sont les premiers touchés.", ["Innus"]),
    # French sentence openers and note labels
    ("Mesdames, messieurs, bonjour. Ensuite, on a parlé des refuges. Voilà le constat.",
     ["Mesdames", "Ensuite", "Voilà"]),
    ("Idée : un indicateur sur les délais.\nMot de bienvenue de la coprésidente.", ["Idée", "Mot"]),
    ("Groupe F (notes brèves)\nEnfin, merci à tous.", ["F", "Enfin"]),
    ("Kuei. Je remercie le comité de son invitation.", ["Kuei"]),
    ("LE PLAN DOIT PROTÉGER LES DÉFENSEURES DES DROITS.", ["DÉFENSEURES", "DROITS"]),
])
def test_french_subject_matter_stays(fr_engine, text, kept):
    res = fr_engine.anonymize(text, lang="fr")
    for needle in kept:
        assert not removed(res, text, needle) and needle in res.text, (needle, res.text)


def test_mixed_note_gives_each_sentence_its_language(fr_engine):
    """A French quote inside an English note keeps its ordinary French words; names still go."""
    text = ("Group E, bilingual. Odalric Ferrand opened in French: « le plan doit être écrit avec les "
            "organisations de femmes ». Ensuite, Odalric a parlé du financement.")
    res = fr_engine.anonymize(text, lang="en")
    assert "écrit avec les organisations" in res.text
    assert "Ensuite" in res.text
    assert removed(res, text, "Odalric Ferrand")
