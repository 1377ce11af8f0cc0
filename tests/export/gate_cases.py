"""Planted identifying texts and clean controls for the final export gate.

Every person and organization here is invented for these tests. The roster mixes a Kenyan, a
French-Canadian, an English and a Scandinavian spelling, a given name that is an ordinary word
("Will", "Grace"), hyphenated surnames and given names, and affiliations with acronyms.
"""
from __future__ import annotations

GATE_ROSTER = [
    ("Odalys Verhaegen", "Harbourlight Women's Collective"),
    ("Marie-Claire Pelletier-Dufresne", "Réseau Aurore des femmes"),
    ("Will Okonjo", "Kestrel Trust for Peace"),
    ("Ingrid Thornbury-Vasquez", "Saltmarsh Policy Institute"),
    ("Tanvir Oyelaran", "Department of National Defence"),
    ("Njeri Wambugu-Otieno", "Umoja Dada Network"),
    ("Grace Lindqvist", "Fjordline Advocacy Centre"),
]

# A theme whose wording a careless gate would read as names ("Peace", "Security", "Human").
CODEBOOK_THEME = {
    "code": "HRW",
    "name": "Human rights and the Women, Peace and Security agenda",
    "description": "Human rights of women and girls in conflict; the Women, Peace and Security agenda, "
                   "its resolutions and Canada's national action plans.",
    "keywords": "human rights, WPS agenda, women's rights, peacebuilders",
}

# (text, lang, what must happen): "refuse" = roster or contact finding; "block" = possible name.
PLANTED = [
    # invisible characters inside a roster name
    ("Odal\u200bys Verhaegen wants stable funding.", "en", "refuse"),
    ("Verhae\u00adgen asked for multi-year funding.", "en", "refuse"),
    ("Thorn\u200dbury-Vasquez pushed for parity targets.", "en", "refuse"),
    ("Ok\u2060onjo said the budget is too small.", "en", "refuse"),
    ("Lind\ufeffqvist wants shelters in every region.", "en", "refuse"),
    ("Wam\u00adbugu-Otieno called for survivor-centred services.", "en", "refuse"),
    # a hyphen at a line break
    ("Funding must grow, as Verhae-\ngen argued.", "en", "refuse"),
    ("The proposal from Lind-\nqvist is to publish the figures.", "en", "refuse"),
    ("Okon-\njo asked for yearly reports.", "en", "refuse"),
    ("Pelletier-\nDufresne asked for a gender budget.", "en", "refuse"),
    # lower-case names and organizations
    ("odalys verhaegen wants stable funding.", "en", "refuse"),
    ("the plan, said verhaegen, needs stable funding.", "en", "refuse"),
    ("harbourlight women's collective should lead the working group.", "en", "refuse"),
    ("the saltmarsh policy institute will publish the review.", "en", "refuse"),
    ("thornbury-vasquez wants a public tracker.", "en", "refuse"),
    ("njeri said the shelters are full.", "en", "refuse"),
    ("kestrel trust for peace offered to host the meeting.", "en", "refuse"),
    ("umoja dada network trains mediators in every county.", "en", "refuse"),
    # a lone hyphenated surname
    ("Pelletier-Dufresne wants a gender budget.", "en", "refuse"),
    ("Thornbury-Vasquez pushed for parity targets.", "en", "refuse"),
    ("Wambugu-Otieno called for survivor-centred services.", "en", "refuse"),
    ("As Thornbury-Vasquez put it, funding must be stable.", "en", "refuse"),
    # initials
    ("M.-C. P. asked for a gender budget.", "en", "refuse"),
    ("M.-C. P.-D. asked for a gender budget.", "en", "refuse"),
    ("O. V. wants stable funding.", "en", "refuse"),
    ("I. T.-V. pushed for parity targets.", "en", "refuse"),
    ("M.C.P. asked for a gender budget.", "en", "refuse"),
    ("N. W.-O. called for survivor-centred services.", "en", "refuse"),
    # Cyrillic look-alikes
    ("\u041edalys Verhaegen wants stable funding.", "en", "refuse"),
    ("V\u0435rha\u0435g\u0435n asked for funding.", "en", "refuse"),
    ("Lindqv\u0456st wants shelters in every region.", "en", "refuse"),
    ("\u041ek\u043enj\u043e asked for yearly reports.", "en", "refuse"),
    ("\u041darbourlight Women's Collective should lead.", "en", "refuse"),
    ("The plan needs money, said Gr\u0430ce Lindqvist.", "en", "refuse"),
    # UK, French and Kenyan phone numbers
    ("Call 020 7946 0958 for the draft.", "en", "refuse"),
    ("The focal point is on +44 20 7946 0958.", "en", "refuse"),
    ("Text 07700 900123 to join the network.", "en", "refuse"),
    ("Appeler le 01 42 68 53 00 pour le rapport.", "fr", "refuse"),
    ("Joindre la coordination au +33 6 12 34 56 78.", "fr", "refuse"),
    ("The hotline is 0712 345 678 in Nairobi.", "en", "refuse"),
    ("Call +254 712 345 678 for the shelter.", "en", "refuse"),
    ("The office line is +254 20 2345678.", "en", "refuse"),
    # e-mails, handles and web addresses
    ("Write to odalys.v@harbourlight.org for the draft.", "en", "refuse"),
    ("Send comments to info (at) saltmarsh (dot) org.", "en", "refuse"),
    ("Comments go to ingrid at saltmarsh dot org.", "en", "refuse"),
    ("Email WILL.OKONJO@KESTREL.ORG with the figures.", "en", "refuse"),
    ("Follow @odalys_v for updates on the plan.", "en", "refuse"),
    ("The account @kestrel_trust posted the plan.", "en", "refuse"),
    ("See harbourlight.ca/plan for the draft.", "en", "refuse"),
    ("Details at https://www.saltmarsh-institute.org/report are public.", "en", "refuse"),
    # ALL CAPS
    ("ODALYS VERHAEGEN WANTS STABLE FUNDING.", "en", "refuse"),
    ("HARBOURLIGHT WOMEN'S COLLECTIVE SHOULD LEAD.", "en", "refuse"),
    ("WAMBUGU-OTIENO CALLED FOR MORE SHELTERS.", "en", "refuse"),
    ("THE KTP WILL HOST THE NEXT MEETING.", "en", "refuse"),
    # acronyms and affiliations
    ("The HWC should lead the working group.", "en", "refuse"),
    ("SPI researchers will publish the review.", "en", "refuse"),
    ("Fjordline Advocacy Centre runs the hotline.", "en", "refuse"),
    # typos
    ("Verhagen wants stable funding.", "en", "refuse"),
    ("Thornbery-Vasquez pushed for parity targets.", "en", "refuse"),
    ("Odalis Verhaegen wants stable funding.", "en", "refuse"),
    ("Lindquist wants shelters in every region.", "en", "refuse"),
    # given names alone, distinctive or capitalised mid-sentence
    ("Njeri wants shelters in every region.", "en", "refuse"),
    ("Tanvir said the targets are too low.", "en", "refuse"),
    ("The plan asked Will to report every year.", "en", "refuse"),
    ("The plan needs money, as Grace said.", "en", "refuse"),
    ("Will O. asked for yearly reports.", "en", "refuse"),
    # French
    ("Odalys Verhaegen demande un financement stable.", "fr", "refuse"),
    ("Selon Pelletier-Dufresne, le budget doit augmenter.", "fr", "refuse"),
    ("Le Réseau Aurore des femmes organise la formation.", "fr", "refuse"),
    # names not on the roster: possible names that a co-chair must look at
    ("Zebulon Quarrington asked for stable funding.", "en", "block"),
    ("Ask Ysolde about the shelters.", "en", "block"),
    ("The Brackenridge Foundation should fund the shelters.", "en", "block"),
    # a French word used as a name mid-sentence in an English idea is still a possible name
    ("The plan, said Victoire, needs more money.", "en", "block"),
]

CONTROL = [
    ("Partners will fund shelters in every region.", "en"),
    ("The Department of National Defence should publish yearly figures.", "en"),
    ("UN Women and DND should report on UNSCR 1325 every year.", "en"),
    ("Human rights must guide the Women, Peace and Security agenda.", "en"),
    ("Women's participation in peace negotiations needs stable multi-year funding.", "en"),
    ("Prevention of gender-based violence must start long before the conflict.", "en"),
    ("Grace periods for small grants would help women's organizations.", "en"),
    ("We hope the plan will include clear indicators and baselines.", "en"),
    ("[Participant 1] asked that the budget grow every year.", "en"),
    ("Funding for Indigenous women's shelters should double by 2030.", "en"),
    ("Les organisations de femmes ont besoin d'un financement pluriannuel.", "fr"),
    ("Will the plan fund peacebuilders and mediators in every region?", "en"),
    ("Parmi les priorités, le financement des refuges doit être stable.", "fr"),
    ("Core funding, sans conditions, for women's groups in every region.", "en"),
]
