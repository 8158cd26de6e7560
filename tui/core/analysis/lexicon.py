"""The small bilingual news vocabulary the analysis relies on.

Rule-based on purpose: no German model is on PyPI and embedding libraries
fetch weights at run time. Each table maps German and English surface forms
to one language-neutral key, so `Tote` and `killed` compare.
"""

from __future__ import annotations

HEDGES: dict[str, str] = {
    "mindestens": "at_least",
    "wenigstens": "at_least",
    "at least": "at_least",
    "no fewer than": "at_least",
    "mehr als": "more_than",
    "über": "more_than",
    "ueber": "more_than",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "knapp über": "more_than",
    "bis zu": "up_to",
    "höchstens": "up_to",
    "maximal": "up_to",
    "up to": "up_to",
    "as many as": "up_to",
    "at most": "up_to",
    "etwa": "about",
    "rund": "about",
    "ungefähr": "about",
    "circa": "about",
    "ca.": "about",
    "zirka": "about",
    "gut": "about",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "geschätzt": "about",
    "geschätzte": "about",
    "schätzungsweise": "about",
    "fast": "almost",
    "beinahe": "almost",
    "nahezu": "almost",
    "knapp": "almost",
    "annähernd": "almost",
    "almost": "almost",
    "nearly": "almost",
    "close to": "almost",
    "weniger als": "less_than",
    "unter": "less_than",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
}

SCALES: dict[str, float] = {
    "tausend": 1e3,
    "thousand": 1e3,
    "tsd.": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio.": 1e6,
    "mio": 1e6,
    "millions": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd.": 1e9,
    "mrd": 1e9,
    "billion": 1e12,
    "billionen": 1e12,  # German; English "billion" is fixed up by language
}

# surface form -> (normalised unit, factor to the unit)
UNITS: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0),
    "kilometer": ("m", 1000.0),
    "kilometern": ("m", 1000.0),
    "kilometres": ("m", 1000.0),
    "kilometers": ("m", 1000.0),
    "kilometre": ("m", 1000.0),
    "m": ("m", 1.0),
    "meter": ("m", 1.0),
    "metern": ("m", 1.0),
    "metres": ("m", 1.0),
    "meters": ("m", 1.0),
    "metre": ("m", 1.0),
    "meilen": ("m", 1609.344),
    "miles": ("m", 1609.344),
    "mile": ("m", 1609.344),
    "knoten": ("kn", 1.0),
    "knots": ("kn", 1.0),
    "kn": ("kn", 1.0),
    "km/h": ("km/h", 1.0),
    "stundenkilometer": ("km/h", 1.0),
    "dollar": ("USD", 1.0),
    "us-dollar": ("USD", 1.0),
    "dollars": ("USD", 1.0),
    "usd": ("USD", 1.0),
    "$": ("USD", 1.0),
    "euro": ("EUR", 1.0),
    "euros": ("EUR", 1.0),
    "eur": ("EUR", 1.0),
    "€": ("EUR", 1.0),
    "pfund": ("GBP", 1.0),
    "pounds": ("GBP", 1.0),
    "£": ("GBP", 1.0),
    "prozent": ("%", 1.0),
    "percent": ("%", 1.0),
    "per cent": ("%", 1.0),
    "tonnen": ("t", 1.0),
    "tonnes": ("t", 1.0),
    "tons": ("t", 1.0),
    "kilogramm": ("t", 0.001),
    "kg": ("t", 0.001),
    "jahre": ("year", 1.0),
    "jahren": ("year", 1.0),
    "years": ("year", 1.0),
    "monate": ("month", 1.0),
    "monaten": ("month", 1.0),
    "months": ("month", 1.0),
    "wochen": ("week", 1.0),
    "weeks": ("week", 1.0),
    "tage": ("day", 1.0),
    "tagen": ("day", 1.0),
    "days": ("day", 1.0),
    "stunden": ("hour", 1.0),
    "hours": ("hour", 1.0),
}

# counted noun (lower case, any listed form) -> what is counted
NOUNS: dict[str, str] = {}
_NOUN_GROUPS = {
    "soldiers": "soldat soldaten truppe truppen soldier soldiers troop troops kämpfer militärangehörige "
    "servicemen streitkräfte",
    "dead": "tote toten todesopfer getötete getöteten dead deaths fatalities killed",
    "injured": "verletzte verletzten verwundete verwundeten injured wounded injuries",
    "passengers": "passagier passagiere passagieren fahrgast fahrgäste fahrgästen passenger passengers",
    "emergency workers": "einsatzkräfte einsatzkräften rettungskräfte rettungskräften helfer helferinnen "
    "feuerwehrleute rescuers firefighters",
    "employees": "arbeiter arbeitern mitarbeiter mitarbeitende mitarbeitenden mitarbeiterinnen beschäftigte "
    "beschäftigten angestellte angestellten employees staff workers",
    "officers": "offizier offiziere offizieren officer officers",
    "generals": "general generäle generälen generals",
    "sappers": "pionier pioniere pionieren sapper sappers",
    "construction workers": "bauarbeiter bauarbeitern",
    "civilians": "zivilist zivilisten civilians",
    "refugees": "flüchtling flüchtlinge flüchtlingen geflüchtete refugees",
    "prisoners": "gefangene gefangenen kriegsgefangene kriegsgefangenen prisoners pows",
    "children": "kinder kindern children",
    "residents": "einwohner einwohnern bewohner bewohnern residents inhabitants",
    "people": "personen menschen leute people persons",
    "weapons": "waffen weapons",
    "jobs": "stellen arbeitsplätze jobs",
    "crew": "crew besatzung besatzungsmitglied besatzungsmitglieder besatzungsmitgliedern",
}
for _concept, _words in _NOUN_GROUPS.items():
    for _word in _words.split():
        NOUNS[_word] = _concept
GENERIC = frozenset({"people"})

# predicate class -> word forms (lower case)
PREDICATES: dict[str, str] = {}
_PREDICATE_GROUPS = {
    "deployed": "verlegt verlegen verlegte verlegung geschickt schickte schicken entsandt entsenden "
    "entsendet entsandte entsendung stationiert stationierung eingetroffen befinden befindet "
    "angekommen trainingsprogramme ausbildung militärausbildungsstätten sent deployed deploy "
    "deployment stationed arrived dispatched",
    "killed": "getötet getöteten tot starben gestorben ums killed died dead kill",
    "injured": "verletzt verwundet injured wounded hurt",
    "missing": "vermisst missing",
    "evacuated": "evakuiert evacuated",
    "arrested": "festgenommen verhaftet arrested detained",
    "massed": "zusammengezogen zusammenziehen massed amassed gathered streitmacht",
    "rescued": "gerettet rescued",
    "delivered": "geliefert lieferte lieferung delivered supplied",
    "paid": "gehalt erhalten lohn paid salary",
    "cut": "entlassen entlässt entließ gestrichen streicht streichen abgebaut abbauen weg wegfallen laid cut "
    "cuts",
}
for _class, _words in _PREDICATE_GROUPS.items():
    for _word in _words.split():
        PREDICATES[_word] = _class
# "ums Leben gekommen", "das Leben gekostet": killed
PREDICATE_PHRASES = (("leben gekostet", "killed"), ("ums leben", "killed"), ("laid off", "cut"))

# A figure in a sentence with one of these is possible or planned, not a fact.
MODALITY: dict[str, str] = {}
for _word in (
    "könnte könnten würde würden befürchtet befürchten befürchtung fürchtet drohen droht "
    "möglicherweise could might would feared fears fear possibly potentially ob falls whether"
).split():
    MODALITY[_word] = "possible"
for _word in "plant planen geplant planned plans plan soll".split():
    MODALITY[_word] = "planned"

# adjective stem or genitive -> who the counted people belong to
QUALIFIERS: dict[str, str] = {
    "nordkoreanisch": "north korea",
    "nordkoreas": "north korea",
    "north korean": "north korea",
    "südkoreanisch": "south korea",
    "südkoreas": "south korea",
    "south korean": "south korea",
    "ukrainisch": "ukraine",
    "ukraine": "ukraine",
    "ukrainian": "ukraine",
    "ukraines": "ukraine",
    "russisch": "russia",
    "russlands": "russia",
    "russian": "russia",
    "amerikanisch": "usa",
    "us-amerikanisch": "usa",
    "american": "usa",
    "deutsch": "germany",
    "german": "germany",
    "chinesisch": "china",
    "chinese": "china",
    "israelisch": "israel",
    "israeli": "israel",
    "palästinensisch": "palestine",
    "palestinian": "palestine",
    "französisch": "france",
    "french": "france",
    "britisch": "uk",
    "british": "uk",
    "gegnerisch": "enemy",
    "feindlich": "enemy",
    "enemy": "enemy",
}

# event class -> word forms; dates of one event are compared
EVENTS: dict[str, str] = {}
_EVENT_GROUPS = {
    "signed": "unterzeichnet unterzeichnete unterzeichneten unterzeichnen unterzeichnung unterschrieben "
    "signed signing sign",
    "ratified": "ratifiziert ratifizierte ratifizieren ratifizierung ratified ratification ratify",
    "advance": "vorstoß vorgerückt vorrücken einmarsch einmarschiert incursion advanced invaded invasion",
    "began": "beginn begann begonnen began start started begin",
    "attack": "angriff angriffe anschlag attack attacked struck",
    "arrived": "eingetroffen ankunft arrived arrival",
    "met": "treffen trafen getroffen met meeting summit gipfel",
    "died": "starb gestorben died death",
    "elected": "gewählt wahl elected election",
    "fire": "brand großbrand feuer fire blaze",
    "grounded": "aground havarie havariert strandete gestrandet",
}
for _class, _words in _EVENT_GROUPS.items():
    for _word in _words.split():
        EVENTS[_word] = _class

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar jänner january jan",
        "februar february feb",
        "märz maerz march mär mar",
        "april apr",
        "mai may",
        "juni june jun",
        "juli july jul",
        "august aug",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "dezember december dez dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "montag monday",
        "dienstag tuesday",
        "mittwoch wednesday",
        "donnerstag thursday",
        "freitag friday",
        "samstag sonnabend saturday",
        "sonntag sunday",
    )
):
    for _name in _names.split():
        WEEKDAYS[_name] = _number

ROLES = frozenset(
    (
        "präsident präsidenten präsidentin machthaber staatschef kremlchef regierungschef "
        "minister ministerin "
        "verteidigungsminister außenminister aussenminister kanzler kanzlerin sprecher sprecherin "
        "geschäftsführer geschäftsführerin direktor direktorin kommunikationsdirektor chef chefin "
        "generalsekretär premierminister bürgermeister bürgermeisterin polizeisprecher "
        "president spokesman spokeswoman spokesperson chancellor director ceo chief secretary leader "
        "mayor governor"
    ).split()
)

# Stance cues; the first that matches a sentence wins, so "neither ... nor" comes first.
STANCE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"weder\s+bestätigt\s+noch\s+dementiert|neither\s+confirmed\s+nor\s+denied", "no_comment"),
    (r"ohne\s+[\w\s]{0,40}?zu\s+dementieren|without\s+denying", "no_comment"),
    (r"nicht\s+[\w\s]{0,60}?geäußert|declined\s+to\s+comment|no\s+comment|kein\s+kommentar", "no_comment"),
    (
        r"zurückgewiesen|weist\s+[\w\s]{0,60}?zurück|wies\s+[\w\s]{0,60}?zurück|dementiert|bestritten|"
        r"bestreitet|denied|denies|rejected",
        "denies",
    ),
    (r"bestätigt|bestätigte|bestätigen|confirmed|confirms", "confirms"),
)

STOPWORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines und oder aber auch noch nur schon bereits "
    "mit von vom für auf in im an am nach zu zum zur bei aus über unter vor seit während laut als wie "
    "weitere weiteren sind ist war waren wurde wurden werden haben hat hatte es sie er wir ihr "
    "the a an and or of to in on at by for with from as is are was were be been has have had that this "
    "these those its their his her more most other further some".split()
)

# Places every article of a story names: sharing them says nothing about the event.
PLACES = frozenset(
    (
        "ukraine ukrain russland russia russlands nordkorea nordkoreas südkorea südkoreas korea usa "
        "deutschland germany china israel moskau moscow kiew kyiv pjöngjang pyongyang washington berlin "
        "seoul peking beijing europa europe"
    ).split()
)
