"""General vocabulary the recognizers rely on.

Everything here is *method*, not data from any corpus: honorifics, role titles, attribution
cue words, speech verbs, demonyms, country names and generic organization head-words in
English and French.  Keeping these lists in one module makes the rules easy to audit and
extend without touching recognizer logic.
"""
from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Zoe' matches 'Zoé' (rapporteurs type fast)."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace("’", "'")


def _set(block: str) -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in block.replace("\n", "|").split("|") if w.strip())


# Courtesy titles, ranks, honorifics: the name after them is a person; the title stays.
HONORIFICS = _set("""
mr|mr.|mrs|mrs.|ms|ms.|miss|mx|mx.|dr|dr.|prof|prof.|professor|sir|dame|madam|madame|mme|mme.|mlle|m.|me|
monsieur|mademoiselle|docteur|docteure|professeure|professeur|maitre|
lcol|lcol.|lt-col|ltcol|col|col.|colonel|maj|maj.|major|capt|capt.|captain|cpt|lt|lt.|lieutenant|sgt|sgt.|sergeant|
cpl|cpl.|corporal|pte|pte.|private|gen|gen.|general|bgen|bgen.|mgen|mgen.|ltgen|adm|adm.|admiral|cdr|cdr.|commander|
insp|insp.|inspector|supt|supt.|superintendent|cst|cst.|constable|det|det.|detective|chief|
elder|senator|sen.|hon|hon.|honourable|honorable|rev|rev.|reverend|father|sister|brother|imam|rabbi|pastor|
mama|maman|mamá|papa|dona|doña|don|auntie|aunty|aunt|uncle|grandmother|grandma|kokum|
judge|justice|ambassador|minister|mp|mpp|mna|councillor|mayor|chief|grand-chief|
la professeure|le professeur|la docteure|le docteur|sœur|soeur|père|mère|
""")

# Titles/positions that single out one individual ("the Deputy Minister").  Multi-word forms
# are matched on folded token sequences; the longest wins.
ROLE_TITLES = _set("""
minister|deputy minister|associate deputy minister|assistant deputy minister|adm|dm|
commissioner|deputy commissioner|assistant commissioner|
co-chair|cochair|co chair|chair|vice-chair|chairperson|chairwoman|chairman|president|vice-president|
ambassador|high commissioner|consul|consul general|envoy|special envoy|special representative|
moderator|keynote|keynote speaker|facilitator|rapporteur|lead rapporteur|host|emcee|
director|executive director|director general|director-general|dg|deputy director|managing director|
deputy head|head|chief|chief superintendent|chief supt.|chief supt|superintendent|
chief of staff|chief of the defence staff|cds|chief of military personnel|commanding officer|
ceo|founder|co-founder|coordinator|national coordinator|
mp|mpp|mna|member of parliament|senator|critic|parliamentary secretary|secrétaire parlementaire|spokesperson|speaker of the house|secretary-general|
secretary general|under-secretary-general|clerk|ombudsperson|ombudsman|auditor general|
ministre|sous-ministre|sous-ministre adjointe|sous-ministre adjoint|coprésidente|coprésident|co-présidente|
co-président|présidente|président|vice-présidente|vice-président|ambassadrice|ambassadeur|
commissaire|modératrice|modérateur|animatrice|animateur|rapporteuse|conférencière|conférencier|
directrice|directeur|directrice générale|directeur général|directrice exécutive|directeur exécutif|
députée|député|sénatrice|sénateur|porte-parole|coordonnatrice|coordonnateur|
""")

# Role words that single out only with a determiner or a complement ("the chair", "chair of X").
# Bare ("a director", "directors") they are generic.
GENERIC_ALONE = _set("""chair|head|chief|director|directrice|directeur|coordinator|coordonnatrice|coordonnateur|
president|présidente|président|host|founder|clerk|critic|député|députée|spokesperson|porte-parole""")

# Nouns that denote a person in the room: "the CBSA rep", "the Danish expert".
PERSON_NOUNS = _set("""
rep|reps|representative|representatives|delegate|delegates|participant|participants|expert|experts|
panellist|panelist|panellists|panelists|speaker|speakers|official|officials|officer|colleague|colleagues|
guest|guests|observer|observers|member|members|staffer|staff|person|people|woman|man|lady|gentleman|
attendee|attendees|spokesperson|advisor|adviser|analyst|researcher|delegation|contingent|student|
activist|volunteer|presenter|lawyer|diplomat|
représentant|représentante|représentants|représentantes|délégué|déléguée|délégués|déléguées|
participant|participante|participants|participantes|experte|expert|expertes|invité|invitée|
panéliste|panélistes|collègue|collègues|observateur|observatrice|conférencière|conférencier|membre|
""")

# The subset that marks a person in the room when preceded by a demonym ("the Norwegian expert").
# Plurals of everyday people ("Afghan women") are deliberately absent: those are subject matter.
ORIGIN_PERSON_NOUNS = _set("""
expert|experts|participant|participants|delegate|delegates|delegation|panellist|panelist|panellists|
panelists|speaker|representative|rep|guest|observer|colleague|official|presenter|attendee|
experte|participante|déléguée|délégué|représentant|représentante|invitée|invité|panéliste|observatrice|
observateur|conférencière|conférencier|collègue|
""")

# Verbs of speech and stance: their subject is a speaker.
SPEECH_VERBS = _set("""
say|said|says|ask|asked|asks|note|noted|notes|add|added|adds|argue|argued|argues|agree|agreed|agrees|
disagree|disagreed|propose|proposed|proposes|suggest|suggested|suggests|warn|warned|warns|reply|replied|
answer|answered|respond|responded|explain|explained|stress|stressed|insist|insisted|recall|recalled|
mention|mentioned|cite|cited|describe|described|present|presented|offer|offered|open|opened|close|closed|
conclude|concluded|counter|countered|question|questioned|push|pushed|urge|urged|recommend|recommended|
wonder|wondered|state|stated|point|pointed|comment|commented|raise|raised|share|shared|highlight|
highlighted|emphasize|emphasized|emphasise|emphasised|thank|thanked|welcome|welcomed|caution|cautioned|
conceded|concede|admit|admitted|committed|commit|seconded|second|volunteered|volunteer|dissented|
framed|led|chaired|moderated|walked|went|gave|told|spoke|speaks|speak|wants|want|wanted|thinks|thought|
believes|believed|liked|sided|objected|pressed|called|reminded|remarked|joked|confirmed|acknowledged|
reported|announced|invited|quoted|credited|named|
dit|a dit|dit-elle|dit-il|propose|proposé|rappelle|rappelé|répond|répondu|ajoute|ajouté|appuie|appuyé|
note|noté|demande|demandé|précise|précisé|souligne|souligné|insiste|insisté|reconnaît|reconnu|
présente|présenté|résume|résumé|remercie|remercié|conclut|conclu|estime|affirme|affirmé|explique|
expliqué|cite|cité|suggère|suggéré|enverra|mentionne|mentionné|s'est excusée|s'est excusé|
intervient|souhaite|veut|craint|plaide|recommande|recommandé|signale|signalé|partage|
""")

# Words after which a line-initial "Label:" introduces a person ("Facilitator: Jo Smith").
LABEL_WORDS = _set("""
facilitator|facilitators|rapporteur|rapporteurs|rapporteuse|moderator|chair|co-chairs|notes|note-taker|
notetaker|note taker|timekeeper|speaker|speakers|presenter|presenters|panellists|panelists|interpretation|
interpreter|interpreters|host|hosts|mc|emcee|by|from|cc|attendees|present|participants|keynote|
animation|animatrice|animateur|prise de notes|notes|rapporteuse|modératrice|modérateur|présidence|
interprétation|interprètes|secrétaire|secretary|scribe|recorder|lead|leads|contact|contacts|
""")

# Cues that introduce an affiliation (the organization that follows attributes a speaker).
AFFILIATION_CUES_BEFORE = [
    "speaking for", "speaking on behalf of", "on behalf of", "representing", "our colleagues at",
    "our colleague at", "our colleagues from", "colleagues at", "colleague at", "colleague from",
    "colleagues from", "a colleague at", "works at", "works for", "working at", "working for",
    "who works at", "who works for", "volunteer with", "volunteers with", "on secondment from",
    "seconded from", "sitting in for", "here for", "here from", "attending for", "attending from",
    "it was argued by", "argued by", "raised by", "proposed by", "suggested by", "according to",
    "au nom de", "au nom du", "au nom des", "de la part de", "de la part du", "nos collègues de",
    "nos collègues du", "notre collègue de", "notre collègue du", "qui travaille à", "qui travaille pour",
    "en provenance de", "représentant", "représentante",
]

# Generic head-words of organization names (method: they mark an org name, not a specific org).
ORG_HEADS = _set("""
network|centre|center|association|collective|institute|institut|forum|circle|council|conseil|lodge|
clinic|initiative|fund|foundation|fondation|society|société|alliance|coalition|federation|fédération|
union|league|ligue|committee|comité|commission|agency|agence|office|bureau|department|ministry|ministère|
secretariat|secrétariat|programme|program|project|projet|group|groupe|université|university|college|
collège|school|école|academy|academie|trust|shelter|maison|house|bridge|lab|laboratory|laboratoire|
research|partners|partnership|platform|plateforme|mission|services|service|corps|church|église|mosque|
réseau|regroupement|cercle|collectif|clinique|refuge|observatoire|observatory|chapter|board|
""")

# Tokens that mark a phrase as a programme/resolution/plan (subject matter, keep).
SUBJECT_HEADS = _set("""
resolution|résolution|directive|operation|opération|act|loi|agreement|accord|treaty|traité|plan|
strategy|stratégie|review|report|rapport|study|étude|convention|declaration|déclaration|arrangement|
framework|cadre|policy|politique|
""")

# Acronyms of kinds of bodies, not of one body: never a roster organization's short form.
COMMON_ACRONYMS = frozenset("""NGO NGOS INGO INGOS CSO CSOS CBO CBOS UN UNO UK US USA EU AU CEO CFO HR IT IDP IDPS
GBV SGBV WPS NAP NAPS DDR SSR MP MPS PM QA FAQ LGBT LGBTQ LGBTQ2S LGBTQIA PHD MA BA ID PDF URL AI""".split())

# Subject-matter phrases of the field: never removed because a roster affiliation contains them.
COMMON_PHRASES = frozenset(" ".join(fold(p).replace(",", " ").split()) for p in """women peace and security|
peace and security|women, peace and security|human rights|human security|civil society|gender equality|
sexual and gender-based violence|gender-based violence|conflict prevention|peacebuilding|peacekeeping|
international development|humanitarian action|youth peace and security|climate security|
femmes paix et sécurité|paix et sécurité|droits de la personne|droits humains|société civile|
égalité des genres|égalité entre les sexes|violence fondée sur le genre|consolidation de la paix|
maintien de la paix|sécurité humaine""".replace("\n", "").split("|") if p.strip())

STOP_PARTICLES = _set("of|the|for|and|on|in|at|to|a|an|de|des|du|la|le|les|l'|d'|et|pour|sur|en|au|aux|à|y|por|del|da|van|von|der|den|bin|bint|ibn|al|el|di|dos|das|st|st.")

# Lower-case particles allowed inside a personal name ("Inés de la Vega", "Idris bin Osman").
NAME_PARTICLES = _set("de|de la|del|della|di|da|dos|das|du|van|van der|von|der|den|ter|bin|bint|ibn|al|el|abu|ben|le|la|st|st.")

# A small generic nickname table (both directions are derived at run time).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "alexander": ("alex", "al", "sandy", "xander"), "alexandra": ("alex", "sandra", "sasha"),
    "alexis": ("alex",), "andrew": ("andy", "drew"), "anthony": ("tony",), "antoine": ("tony",),
    "barbara": ("barb", "babs"), "benjamin": ("ben", "benny"), "catherine": ("cathy", "kate", "cat", "katie", "cate"),
    "katherine": ("kathy", "kate", "kat", "katie"), "kathryn": ("kathy", "kate", "kat", "katie"),
    "kaitlyn": ("kate", "kat", "katie", "kait"), "caitlin": ("kate", "kat", "cait"), "christine": ("chris", "tina"),
    "christina": ("chris", "tina"), "christopher": ("chris",), "charles": ("charlie", "chuck"),
    "daniel": ("dan", "danny"), "danielle": ("dani",), "david": ("dave", "davey"), "deborah": ("deb", "debbie"),
    "donald": ("don",), "dorothy": ("dot", "dottie"), "edward": ("ed", "eddie", "ted", "ned"),
    "elizabeth": ("liz", "beth", "betty", "lisa", "eliza", "libby", "lizzie", "bess"), "eleanor": ("ellie", "nora", "elle"),
    "frances": ("fran",), "francis": ("frank",), "francesca": ("fran",), "frederick": ("fred",),
    "gabriel": ("gabe",), "gabrielle": ("gaby", "gabby"), "geoffrey": ("geoff",), "gerald": ("gerry", "jerry"),
    "gregory": ("greg",), "henry": ("harry", "hank"), "isabelle": ("isa", "izzy", "belle"), "isabel": ("isa", "izzy"),
    "jacqueline": ("jackie",), "james": ("jim", "jimmy", "jamie"), "jennifer": ("jen", "jenny"),
    "jessica": ("jess", "jessie"), "john": ("jack", "johnny"), "jonathan": ("jon",), "joseph": ("joe", "joey"),
    "josephine": ("jo", "josie"), "joanne": ("jo",), "joanna": ("jo",), "katarina": ("kat",),
    "kenneth": ("ken", "kenny"), "lawrence": ("larry",), "laurence": ("larry",), "leonard": ("len", "leo"),
    "margaret": ("maggie", "peggy", "meg", "marge", "greta", "madge"), "marguerite": ("maggie",),
    "matthew": ("matt",), "michael": ("mike", "mick", "mickey"), "michelle": ("shelly",), "natalie": ("nat",), "nathaniel": ("nate", "nat"), "nicholas": ("nick",), "nicolas": ("nick", "nico"),
    "nicole": ("nicky", "nikki"), "patricia": ("pat", "patty", "trish"), "patrick": ("pat", "paddy"),
    "peter": ("pete",), "philip": ("phil",), "rebecca": ("becky", "becca"), "richard": ("rich", "rick", "dick", "richie"),
    "robert": ("rob", "bob", "bobby", "robbie", "bert"), "ronald": ("ron",), "samantha": ("sam",), "samuel": ("sam",),
    "sandra": ("sandy",), "stephanie": ("steph",), "stephen": ("steve",), "steven": ("steve",), "susan": ("sue", "suzy"),
    "suzanne": ("sue", "suzy"), "theresa": ("terry", "tess"), "teresa": ("terry", "tess"), "thomas": ("tom", "tommy"),
    "timothy": ("tim",), "victoria": ("vicky", "tori"), "william": ("will", "bill", "billy", "liam", "willy"),
    "zachary": ("zach",), "abigail": ("abby",), "alison": ("ali",), "allison": ("ali",), "amanda": ("mandy",),
    "angela": ("angie",), "anne": ("annie",), "annie": ("anne",), "cynthia": ("cindy",), "dominique": ("dom",),
    "evelyn": ("evie",), "helen": ("nell",), "kimberly": ("kim",), "madeleine": ("maddy",), "mary": ("molly", "polly"),
    "penelope": ("penny",), "rosemary": ("rose", "rosie"),
    "rosalind": ("ros",), "sebastien": ("seb",), "valerie": ("val",), "veronique": ("vero",), "virginia": ("ginny",),
    "mohammed": ("mo",), "muhammad": ("mo",),
    "oluwaseun": ("seun",), "kwabena": ("kobby",),
}

# Countries (English and French), regions and demonyms.  Used to tell a place from a name and
# to spot speaker origin ("the Liberian expert").
COUNTRIES = _set("""
afghanistan|albania|algeria|andorra|angola|antigua|argentina|armenia|australia|austria|azerbaijan|bahamas|
bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|
botswana|brazil|brunei|bulgaria|burkina faso|burundi|cabo verde|cape verde|cambodia|cameroon|canada|
central african republic|car|chad|chile|china|colombia|comoros|congo|drc|democratic republic of the congo|
costa rica|cote d'ivoire|ivory coast|croatia|cuba|cyprus|czechia|czech republic|denmark|djibouti|dominica|
dominican republic|east timor|timor-leste|ecuador|egypt|el salvador|equatorial guinea|eritrea|estonia|
eswatini|swaziland|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|
guinea|guinea-bissau|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|
jamaica|japan|jordan|kazakhstan|kenya|kiribati|korea|north korea|south korea|kosovo|kuwait|kyrgyzstan|laos|
latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|
mali|malta|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|
myanmar|burma|namibia|nauru|nepal|netherlands|the netherlands|holland|new zealand|nicaragua|niger|nigeria|
north macedonia|macedonia|norway|oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|
philippines|the philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|
serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|somaliland|south africa|south sudan|spain|
sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|
tunisia|turkey|türkiye|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|
great britain|england|scotland|wales|northern ireland|united states|usa|us|america|uruguay|uzbekistan|
vanuatu|venezuela|vietnam|viet nam|yemen|zambia|zimbabwe|western sahara|gaza|west bank|kurdistan|
tibet|hong kong|puerto rico|greenland|chechnya|darfur|
afrique du sud|albanie|algérie|allemagne|angleterre|arabie saoudite|argentine|arménie|australie|autriche|
belgique|bénin|biélorussie|birmanie|bolivie|bosnie|brésil|bulgarie|burkina|cambodge|cameroun|chili|chine|
chypre|colombie|comores|corée|côte d'ivoire|croatie|danemark|djibouti|égypte|émirats arabes unis|équateur|
érythrée|espagne|estonie|états-unis|éthiopie|finlande|gambie|géorgie|grèce|guinée|guinée-bissau|guyane|haïti|
hongrie|inde|indonésie|irak|iran|irlande|islande|israël|italie|jamaïque|japon|jordanie|kenya|koweït|lettonie|
liban|libéria|libye|lituanie|macédoine|malaisie|mali|maroc|mauritanie|mexique|moldavie|mongolie|monténégro|
mozambique|namibie|népal|nicaragua|niger|nigéria|norvège|nouvelle-zélande|ouganda|ouzbékistan|pakistan|
palestine|pays-bas|pérou|philippines|pologne|portugal|qatar|rdc|république centrafricaine|centrafrique|
république démocratique du congo|roumanie|royaume-uni|russie|rwanda|sénégal|serbie|sierra leone|singapour|
slovaquie|slovénie|somalie|soudan|soudan du sud|sud-soudan|sri lanka|suède|suisse|syrie|tadjikistan|
tanzanie|tchad|tchéquie|thaïlande|togo|tunisie|turquie|ukraine|uruguay|venezuela|viêt nam|yémen|zambie|zimbabwe|
bc|b.c.|québec|quebec|ontario|manitoba|saskatchewan|alberta|british columbia|colombie-britannique|nova scotia|
nouvelle-écosse|new brunswick|nouveau-brunswick|newfoundland|labrador|terre-neuve|prince edward island|
île-du-prince-édouard|yukon|nunavut|northwest territories|territoires du nord-ouest|nunavik|nunatsiavut|
inuit nunangat|the north|le nord|arctic|arctique|sahel|horn of africa|corne de l'afrique|great lakes|
grands lacs|middle east|moyen-orient|balkans|caribbean|caraïbes|latin america|amérique latine|
central america|south america|north america|africa|afrique|asia|asie|europe|oceania|pacific|
sub-saharan africa|afrique subsaharienne|maghreb|levant|west africa|afrique de l'ouest|east africa|
afrique de l'est|southeast asia|asie du sud-est|south asia|global south|sud global|
""")

DEMONYMS = _set("""
afghan|albanian|algerian|american|angolan|argentine|argentinian|armenian|australian|austrian|azerbaijani|
bangladeshi|belarusian|belgian|beninese|bolivian|bosnian|brazilian|british|bulgarian|burkinabe|burundian|
cambodian|cameroonian|canadian|central african|chadian|chilean|chinese|colombian|congolese|costa rican|
ivorian|croatian|cuban|cypriot|czech|danish|dutch|ecuadorian|egyptian|emirati|english|eritrean|estonian|
ethiopian|fijian|filipino|filipina|finnish|french|gabonese|gambian|georgian|german|ghanaian|greek|
guatemalan|guinean|guyanese|haitian|honduran|hungarian|icelandic|indian|indonesian|iranian|iraqi|irish|
israeli|italian|jamaican|japanese|jordanian|kazakh|kenyan|korean|kosovar|kuwaiti|kyrgyz|lao|laotian|
latvian|lebanese|liberian|libyan|lithuanian|malagasy|malawian|malaysian|malian|maltese|mauritanian|
mexican|moldovan|mongolian|montenegrin|moroccan|mozambican|burmese|namibian|nepali|nepalese|nicaraguan|
nigerien|nigerian|north korean|norwegian|omani|pakistani|palestinian|panamanian|paraguayan|peruvian|
philippine|polish|portuguese|qatari|romanian|russian|rwandan|salvadoran|saudi|scottish|senegalese|serbian|
sierra leonean|singaporean|slovak|slovenian|somali|south african|south korean|south sudanese|spanish|
sri lankan|sudanese|swedish|swiss|syrian|taiwanese|tajik|tanzanian|thai|togolese|tunisian|turkish|
turkmen|ugandan|ukrainian|uruguayan|uzbek|venezuelan|vietnamese|welsh|yemeni|zambian|zimbabwean|
kurdish|kurd|yazidi|rohingya|tamil|sinhalese|pashtun|hazara|tajik|uyghur|tigrayan|amhara|oromo|hutu|tutsi|
bedouin|roma|sami|druze|baloch|
québécois|québécoise|quebecer|quebecker|ontarian|albertan|manitoban|nova scotian|acadian|acadien|acadienne|
franco-ontarian|franco-ontarienne|
inuk|inuit|métis|metis|dene|déné|cree|cri|crie|mi'kmaw|mi'kmaq|micmac|mohawk|kanien'kehá:ka|haudenosaunee|
anishinaabe|anishinabe|ojibwe|ojibway|oji-cree|innu|naskapi|algonquin|atikamekw|wolastoqiyik|maliseet|
gwich'in|tlicho|tłı̨chǫ|haida|tsimshian|nisga'a|nuu-chah-nulth|salish|coast salish|blackfoot|siksika|
kainai|piikani|nakota|dakota|lakota|stoney|sioux|wendat|huron-wendat|abenaki|mi'gmaq|inuvialuit|
first nations|indigenous|aboriginal|native|autochtone|autochtones|
afghane|algérienne|algérien|allemande|allemand|américaine|américain|argentine|australienne|australien|
belge|brésilienne|brésilien|britannique|burundaise|burundais|camerounaise|camerounais|canadienne|canadien|
chilienne|chilien|chinoise|chinois|colombienne|colombien|congolaise|congolais|ivoirienne|ivoirien|
danoise|danois|égyptienne|égyptien|espagnole|espagnol|éthiopienne|éthiopien|finlandaise|finlandais|
française|français|ghanéenne|ghanéen|grecque|grec|guatémaltèque|haïtienne|haïtien|indienne|indien|
irakienne|irakien|iranienne|iranien|irlandaise|irlandais|israélienne|israélien|italienne|italien|
japonaise|japonais|jordanienne|jordanien|kényane|kényan|libanaise|libanais|libérienne|libérien|
malienne|malien|marocaine|marocain|mexicaine|mexicain|néerlandaise|néerlandais|nigériane|nigérian|
norvégienne|norvégien|pakistanaise|pakistanais|palestinienne|palestinien|philippine|philippin|
polonaise|polonais|portugaise|portugais|russe|rwandaise|rwandais|sénégalaise|sénégalais|somalienne|
somalien|soudanaise|soudanais|sud-soudanaise|sud-soudanais|suédoise|suédois|suisse|syrienne|syrien|
tunisienne|tunisien|turque|ukrainienne|ukrainien|yéménite|tamoule|tamoul|kurde|
""")

# Cities and regions that often appear as settings (subject matter) rather than names.
PLACES = _set("""
ottawa|gatineau|montreal|montréal|toronto|vancouver|calgary|edmonton|winnipeg|halifax|quebec city|
québec|regina|saskatoon|victoria|iqaluit|yellowknife|whitehorse|fredericton|moncton|charlottetown|
st. john's|st john's|hamilton|kitchener|waterloo|london|windsor|sudbury|thunder bay|kingston|sherbrooke|
trois-rivières|laval|longueuil|brampton|mississauga|surrey|burnaby|
new york|washington|geneva|genève|paris|brussels|bruxelles|the hague|la haye|vienna|vienne|rome|berlin|
oslo|stockholm|copenhagen|helsinki|dublin|madrid|lisbon|amsterdam|warsaw|kyiv|kiev|moscow|ankara|
istanbul|beirut|beyrouth|damascus|damas|amman|baghdad|bagdad|tehran|téhéran|kabul|kaboul|islamabad|
karachi|lahore|delhi|new delhi|mumbai|dhaka|kathmandu|colombo|yangon|bangkok|manila|manille|jakarta|
beijing|pékin|tokyo|seoul|sydney|canberra|nairobi|kampala|kigali|bujumbura|kinshasa|goma|bukavu|juba|
khartoum|addis ababa|addis-abeba|mogadishu|mogadiscio|asmara|cairo|le caire|tunis|algiers|alger|rabat|
dakar|bamako|niamey|ouagadougou|abidjan|accra|lagos|abuja|monrovia|freetown|conakry|bangui|n'djamena|
yaoundé|douala|libreville|luanda|harare|lusaka|maputo|johannesburg|pretoria|cape town|port-au-prince|
havana|la havane|bogota|bogotá|caracas|lima|quito|la paz|santiago|buenos aires|mexico city|guatemala city|
tegucigalpa|managua|san salvador|panama city|kingston|herat|kandahar|idlib|aleppo|alep|
homs|raqqa|mosul|erbil|donetsk|luhansk|crimea|crimée|kharkiv|odesa|gaza city|jerusalem|jérusalem|
ramallah|minsk|sarajevo|srebrenica|pristina|mindanao|sud-kivu|nord-kivu|
south kivu|north kivu|kivu|tigray|darfur|kordofan|
""")

# Subject-matter words that look like names to a statistical model but are not people.
NON_PERSON_PROPER = _set("""
facebook|whatsapp|twitter|instagram|tiktok|youtube|linkedin|google|zoom|teams|skype|signal|telegram|
wikipedia|microsoft|apple|amazon|x|
q&a|q|a|rsvp|faq|ps|nb|n.b.|etc|cc|re|fyi|tbd|tba|ok|okay|
ebola|covid|covid-19|cholera|choléra|mpox|hiv|aids|vih|sida|
monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|
january|february|march|april|june|july|august|september|october|november|december|
janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|
islam|muslim|musulman|musulmane|musulmanes|christian|christianity|jewish|hindu|buddhist|sikh|
catholic|protestant|anglican|shari'a|sharia|charia|
english|french|anglais|français|creole|créole|arabic|arabe|spanish|espagnol|
parliament|parlement|senate|sénat|house|cabinet|government|gouvernement|crown|
""")


def _function_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
        from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP
    except Exception:  # pragma: no cover - spaCy is a hard dependency
        return frozenset()
    return frozenset(fold(w) for w in EN_STOP | FR_STOP)


# Pronouns, determiners, auxiliaries (EN/FR): never a name, whatever their case.
FUNCTION_WORDS = _function_words()


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words that are ordinary lower-case vocabulary (English web2 + GCIDE lists, spaCy stop words).

    Used to tell a capitalised common word ("Faith", "Dawn") from an unknown proper noun, which
    is what lets the proper-noun layer redact unknown names without eating ordinary words.
    Falls back to spaCy's stop words when the word-list package is not installed.
    """
    words: set[str] = set()
    try:
        from english_words import get_english_words_set

        for src in ("web2", "gcide"):
            words.update(w for w in get_english_words_set([src], lower=False) if w.islower())
    except Exception:  # the list is an optional quality improvement, never a hard failure
        pass
    try:
        from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
        from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

        words.update(EN_STOP)
        words.update(FR_STOP)
    except Exception:
        pass
    words.update(_EXTRA_COMMON)
    folded = {fold(w) for w in words}
    # regular plurals of common nouns are common too ("rights", "shelters")
    folded |= {w + "s" for w in folded if len(w) > 3 and w.isalpha()}
    return frozenset(folded)


# Common words (mostly British/Canadian spellings and conference vocabulary, EN/FR) missing
# from the American word lists above.
_EXTRA_COMMON = {
    "centre", "centres", "programme", "programmes", "colour", "labour", "defence", "honour", "favour",
    "organisation", "organisations", "organization", "organizations", "panellist",
    "plenary", "breakout", "co-chair", "co-chairs", "rapporteur", "walk-in", "email", "e-mail", "online",
    "website", "dashboard", "toolkit", "indicators", "baseline", "baselines", "gender", "indigenous",
    "groupe", "notes", "thèmes", "thème", "synthèse", "restitution", "plénière", "clôture", "animation",
    "consensus", "désaccord", "proposition", "demain", "actions", "proposées", "suivi", "rapports",
    "leçons", "données", "référence", "enjeux", "émergents", "comparaison", "principaux", "francophone",
    "bilingue", "journée", "prochaines", "étapes", "indicateurs", "qui", "paie", "mme", "lcol",
    "points", "raised", "agreed", "action", "group", "grp", "timekeeper", "facilitator", "moderator",
    "follow-up", "convergence", "open", "conclusion", "parked", "lessons", "report", "report-back",
    "panel", "video", "welcome", "reminder", "opening", "closing", "keynote", "interpretation",
    "women", "men", "children", "people", "peoples", "girls", "boys", "femmes", "hommes", "filles",
    "enfants", "droits", "paix", "sécurité", "securite", "santé", "justice", "réseau", "centre",
    "maison", "politique", "publique", "public", "nationale", "national", "internationale",
    "international", "mondiales", "mondial", "affaires", "ministère", "défense", "condition",
    "féminine", "gendarmerie", "royale", "forces", "armées", "service", "correctionnel",
    "autochtones", "nord", "immigration", "réfugiés", "citoyenneté", "sud", "est", "ouest",
}
